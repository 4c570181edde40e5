import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCommand } from './run-command';
import type { PublishableLib } from './publishable-libs';

/** Files of the lib folder that go into the package besides the build (npm adds package.json itself). */
const COPIED_FILES = ['package.json', 'README.md', 'LICENSE'] as const;

export interface PackedLib {
  readonly lib: PublishableLib;
  /** The tarball, absolute. */
  readonly tarball: string;
  /** Every path inside it, relative to the package root. */
  readonly files: readonly string[];
}

interface NpmPackEntry {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/**
 * Builds the lib as `nx build` does (tsc -p tsconfig.lib.json), but into `<stageRoot>/<dir>/dist`
 * beside a copy of its package.json and README: the workspace's own dist/ may be stale or being
 * rebuilt by someone else, and must not be touched. Other libs resolve to the staged builds in
 * `staged` (name → staged folder), so the build sees exactly what an installed package would.
 * Returns the staged folder.
 */
export function stageLib(lib: PublishableLib, stageRoot: string, staged: ReadonlyMap<string, string>, workspaceRoot: string): string {
  const dir = join(stageRoot, basename(lib.root));
  mkdirSync(dir, { recursive: true });
  const paths = Object.fromEntries([...staged].map(([name, stagedDir]) => [name, [join(stagedDir, 'dist', 'index.d.ts')]]));
  const tsconfig = join(stageRoot, `tsconfig.${basename(lib.root)}.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(lib.root, 'tsconfig.lib.json'),
      // typeRoots: @types are looked up from the config's folder, which is outside the workspace here.
      compilerOptions: { outDir: join(dir, 'dist'), paths, typeRoots: [join(workspaceRoot, 'node_modules', '@types')] },
    }),
  );
  runCommand(`building ${lib.manifest.name}`, process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], workspaceRoot);
  for (const file of COPIED_FILES) {
    if (existsSync(join(lib.root, file))) copyFileSync(join(lib.root, file), join(dir, file));
  }
  return dir;
}

/** `npm pack` of a staged folder into `destination`. */
export function packLib(lib: PublishableLib, stagedDir: string, destination: string): PackedLib {
  const output = runCommand(`packing ${lib.manifest.name}`, 'npm', ['pack', '--json', '--pack-destination', destination], stagedDir);
  const [entry] = JSON.parse(output) as NpmPackEntry[];
  if (entry === undefined) throw new Error(`npm pack of ${lib.manifest.name} reported no tarball`);
  return { lib, tarball: join(destination, entry.filename), files: entry.files.map((file) => file.path) };
}
