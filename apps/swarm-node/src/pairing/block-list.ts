import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The block list's file in the config dir. */
export const BLOCK_LIST_FILE_NAME = 'blocked.json';

/** Node ids: what a node id can be, so a hand-edited file cannot smuggle anything else in. */
export const BLOCKABLE_NODE_ID = /^[\x21-\x7e]{1,128}$/;

export type BlockListResult = { readonly ok: true; readonly list: BlockList } | { readonly ok: false; readonly message: string };

/**
 * Node ids this node refuses everywhere (discovery, manual add, incoming sealed requests), kept in
 * `<config dir>/blocked.json` (`{"blocked": [ids]}`, mode 0600). Every change is written at once,
 * through a temporary file, so a crash never leaves half a list.
 */
export class BlockList {
  readonly #ids: Set<string>;

  private constructor(
    readonly path: string,
    ids: readonly string[],
  ) {
    this.#ids = new Set(ids);
  }

  /** The list of the config dir; a missing file is an empty list, a malformed one an error. */
  static load(configDir: string): BlockListResult {
    const path = join(configDir, BLOCK_LIST_FILE_NAME);
    if (!existsSync(path)) return { ok: true, list: new BlockList(path, []) };
    try {
      const ids = parseBlockedIds(JSON.parse(readFileSync(path, 'utf8')));
      if (ids === null) return { ok: false, message: `${path} must hold {"blocked": ["<node id>", ...]}` };
      return { ok: true, list: new BlockList(path, ids) };
    } catch (error: unknown) {
      return { ok: false, message: `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  isBlocked(nodeId: string): boolean {
    return this.#ids.has(nodeId);
  }

  ids(): string[] {
    return [...this.#ids].sort();
  }

  /** Adds `nodeId` and saves; false when it is not a node id. Throws when the file cannot be written. */
  block(nodeId: string): boolean {
    if (!BLOCKABLE_NODE_ID.test(nodeId)) return false;
    this.#ids.add(nodeId);
    this.#save();
    return true;
  }

  /** Removes `nodeId` and saves; false when it was not blocked. */
  unblock(nodeId: string): boolean {
    if (!this.#ids.delete(nodeId)) return false;
    this.#save();
    return true;
  }

  #save(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ blocked: this.ids() }, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

function parseBlockedIds(document: unknown): string[] | null {
  if (typeof document !== 'object' || document === null || !('blocked' in document)) return null;
  const { blocked } = document;
  if (!Array.isArray(blocked)) return null;
  const ids = blocked.filter((id): id is string => typeof id === 'string' && BLOCKABLE_NODE_ID.test(id));
  return ids.length === blocked.length ? ids : null;
}
