import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's version from apps/swarm-node/package.json (the same path from src/ and dist/). */
export function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}
