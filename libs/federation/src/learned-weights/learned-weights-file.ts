import type { LearnedSourceWeight, LearnedWeightsOptions } from '@local-swarm/consensus';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The store's file in the node's config dir. */
export const LEARNED_WEIGHTS_FILE_NAME = 'learned-weights.json';

/** A larger file is not one this node wrote (256 sources × 50 votes is about 40 KB). */
export const MAX_LEARNED_WEIGHTS_FILE_BYTES = 256 * 1024;

/** Source ids as node ids are: printable ASCII without spaces, so the file cannot smuggle anything else in. */
const SOURCE_ID = /^[\x21-\x7e]{1,128}$/;

/** One source's persisted votes, newest last. */
export interface PersistedSourceHistory {
  readonly source: string;
  readonly observations: readonly (0 | 1)[];
}

export type LearnedWeightsFileResult =
  | { readonly ok: true; readonly histories: readonly PersistedSourceHistory[] }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `{"sources": [{"source": id, "observations": [0|1, ...]}]}`. A missing file is empty; a
 * file over MAX_LEARNED_WEIGHTS_FILE_BYTES, unparseable, or with any bad entry (more sources or
 * votes than the bounds, a malformed id, a value not 0 or 1) is refused whole, with why.
 */
export function readLearnedWeightsFile(path: string, bounds: Pick<LearnedWeightsOptions, 'window' | 'maxSources'>): LearnedWeightsFileResult {
  if (!existsSync(path)) return { ok: true, histories: [] };
  try {
    const text = readBounded(path);
    if (text === null) return { ok: false, message: `${path} is larger than ${MAX_LEARNED_WEIGHTS_FILE_BYTES} bytes` };
    const histories = parseHistories(JSON.parse(text), bounds);
    if (histories === null) {
      return { ok: false, message: `${path} must hold {"sources": [{"source": "<id>", "observations": [0|1, ...]}]} within ${bounds.maxSources} sources and ${bounds.window} votes each` };
    }
    return { ok: true, histories };
  } catch (error: unknown) {
    return { ok: false, message: `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Writes the histories through a temporary file (mode 0600) and a rename: a crash never leaves half
 * a file. A node without federation may not have its config dir yet: it is made private (0700).
 */
export function writeLearnedWeightsFile(path: string, entries: readonly LearnedSourceWeight[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const sources = entries.map(({ source, observations }) => ({ source, observations }));
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ sources })}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** The file's text, or null when it is over the size bound (checked on the open file, and read no further). */
function readBounded(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size > MAX_LEARNED_WEIGHTS_FILE_BYTES) return null;
    const buffer = Buffer.alloc(MAX_LEARNED_WEIGHTS_FILE_BYTES + 1);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return read > MAX_LEARNED_WEIGHTS_FILE_BYTES ? null : buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function parseHistories(document: unknown, bounds: Pick<LearnedWeightsOptions, 'window' | 'maxSources'>): PersistedSourceHistory[] | null {
  if (typeof document !== 'object' || document === null || !('sources' in document)) return null;
  const { sources } = document;
  if (!Array.isArray(sources) || sources.length > bounds.maxSources) return null;
  const histories: PersistedSourceHistory[] = [];
  const seen = new Set<string>();
  for (const entry of sources) {
    const history = parseHistory(entry, bounds.window);
    if (history === null || seen.has(history.source)) return null;
    seen.add(history.source);
    histories.push(history);
  }
  return histories;
}

function parseHistory(entry: unknown, window: number): PersistedSourceHistory | null {
  if (typeof entry !== 'object' || entry === null || !('source' in entry) || !('observations' in entry)) return null;
  const { source, observations } = entry;
  if (typeof source !== 'string' || !SOURCE_ID.test(source)) return null;
  if (!Array.isArray(observations) || observations.length > window) return null;
  const votes = observations.filter((vote): vote is 0 | 1 => vote === 0 || vote === 1);
  return votes.length === observations.length ? { source, observations: votes } : null;
}
