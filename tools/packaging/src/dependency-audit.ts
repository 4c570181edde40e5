import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importedPackages } from './imported-packages';
import { declaredDependencies, type PackageManifest } from './package-manifest';

/** A package the installed files import, and which of them do. */
export interface PackageUse {
  readonly packageName: string;
  readonly files: readonly string[];
}

export interface DependencyAudit {
  /** Imported but missing from dependencies/peerDependencies/optionalDependencies: breaks for a consumer. */
  readonly undeclared: readonly PackageUse[];
  /** Declared but imported by no shipped file: installed for nothing. */
  readonly unused: readonly string[];
}

function shippedCode(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .filter((path) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(path));
}

/**
 * Compares what an installed package's JavaScript and declaration files import (declarations
 * count: a TypeScript consumer needs those packages too) with what its package.json declares.
 */
export function auditDependencies(packageDir: string, manifest: PackageManifest): DependencyAudit {
  const uses = new Map<string, string[]>();
  for (const path of shippedCode(packageDir)) {
    for (const name of importedPackages(readFileSync(join(packageDir, path), 'utf8'))) {
      if (name === manifest.name) continue;
      uses.set(name, [...(uses.get(name) ?? []), path]);
    }
  }
  const declared = declaredDependencies(manifest);
  return {
    undeclared: [...uses]
      .filter(([name]) => !declared.has(name))
      .map(([packageName, files]) => ({ packageName, files: files.sort() }))
      .sort((a, b) => a.packageName.localeCompare(b.packageName)),
    unused: [...declared].filter((name) => !uses.has(name)).sort(),
  };
}
