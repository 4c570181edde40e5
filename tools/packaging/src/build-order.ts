import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { importedPackages } from './imported-packages';
import type { PublishableLib } from './publishable-libs';

/** The files `tsc -p <lib>/tsconfig.lib.json` compiles: what the lib publishes. */
export function libBuildFiles(lib: PublishableLib): readonly string[] {
  const configPath = join(lib.root, 'tsconfig.lib.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(`${configPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    },
  });
  if (parsed === undefined) throw new Error(`${configPath} could not be read`);
  return parsed.fileNames;
}

/**
 * The libs in an order where each comes after the libs its sources import, so each build finds
 * the declarations of the ones before it. Taken from the sources, not from package.json, so a
 * lib that forgets to declare another still builds (and the dependency check then names it).
 */
export function buildOrder(libs: readonly PublishableLib[]): readonly PublishableLib[] {
  const byName = new Map(libs.map((lib) => [lib.manifest.name, lib]));
  const needs = new Map(
    libs.map((lib) => {
      const imported = libBuildFiles(lib).flatMap((file) => importedPackages(readFileSync(file, 'utf8')));
      return [lib.manifest.name, new Set(imported.filter((name) => byName.has(name) && name !== lib.manifest.name))];
    }),
  );
  const ordered: PublishableLib[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: readonly string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`libs import each other in a circle: ${[...path, name].join(' -> ')}`);
    state.set(name, 'visiting');
    for (const dependency of needs.get(name) ?? []) visit(dependency, [...path, name]);
    state.set(name, 'done');
    const lib = byName.get(name);
    if (lib !== undefined) ordered.push(lib);
  };
  for (const lib of libs) visit(lib.manifest.name, []);
  return ordered;
}
