import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for each test of the enclosing describe, removed after it; call the result for its path. */
export function useTemporaryDirectory(prefix: string): () => string {
  let path = '';
  beforeEach(() => {
    path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  });
  afterEach(() => rmSync(path, { recursive: true, force: true }));
  return () => path;
}
