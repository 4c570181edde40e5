import { isBuiltin } from 'node:module';
import * as ts from 'typescript';

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * The packages a source, JavaScript or declaration file imports: static imports and exports,
 * `require()`, `import()` and `import('x')` types, as TypeScript's own pre-processor finds them.
 * Relative paths and Node's built-in modules are left out.
 */
export function importedPackages(fileText: string): readonly string[] {
  const { importedFiles } = ts.preProcessFile(fileText, true, true);
  const packages = importedFiles
    .map((file) => file.fileName)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier))
    .map(packageNameOf);
  return [...new Set(packages)].sort();
}
