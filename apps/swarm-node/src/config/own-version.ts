import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's version from apps/swarm-node/package.json: two folders up from both src/config and dist/config. */
export function ownVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string') {
      return manifest.version;
    }
  } catch {
    // fall through: a missing manifest must not stop --help
  }
  return 'unknown';
}
