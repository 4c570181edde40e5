import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePackageManifest, type PackageManifest } from './package-manifest';

/** The scope every publishable lib of this workspace is named in. */
export const LIB_SCOPE = '@local-swarm/';

export interface PublishableLib {
  /** Its folder, absolute (libs/<name>). */
  readonly root: string;
  readonly manifest: PackageManifest;
}

/**
 * Every lib `npm publish` would ship: libs/<dir>/package.json named `@local-swarm/...` and not
 * private. Found on disk, so a new lib is tested without anyone listing it.
 */
export function findPublishableLibs(workspaceRoot: string): readonly PublishableLib[] {
  const libsDir = join(workspaceRoot, 'libs');
  const libs: PublishableLib[] = [];
  for (const dir of readdirSync(libsDir, { withFileTypes: true })) {
    const root = join(libsDir, dir.name);
    const file = join(root, 'package.json');
    if (!dir.isDirectory() || !existsSync(file)) continue;
    const manifest = parsePackageManifest(readFileSync(file, 'utf8'), file);
    if (manifest.name.startsWith(LIB_SCOPE) && !manifest.private) libs.push({ root, manifest });
  }
  return libs.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}
