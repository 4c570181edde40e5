import { deriveQ4_0Gguf } from '@local-swarm/gguf';
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DerivedModel } from './derived-model';
import { FETCH_ERROR_CODES, FetchError } from './errors';
import { fetchModel, type FetchedModel, type FetchModelOptions } from './fetch-model';
import { hasFreshHashStamp, sha256File, writeHashStamp } from './sha256-file';

/**
 * Makes `<modelDir>/<fileName>` hold the derived model: nothing to do when it is there with its
 * pinned hash; otherwise fetch the source, derive into a temp file beside it, and rename it into
 * place only when its sha256 is the pinned one (else delete it and fail).
 */
export async function fetchDerivedModel(model: DerivedModel, options: FetchModelOptions): Promise<FetchedModel> {
  const { log } = options;
  const path = join(options.modelDir, model.fileName);
  if (options.verify !== true && (await hasFreshHashStamp(path, model.sha256))) {
    log(`${model.fileName} present (stamp matches size and mtime)`);
    return { path, action: 'stamp-fresh' };
  }
  if ((await sha256File(path).catch(() => undefined)) === model.sha256) {
    await writeHashStamp(path, model.sha256);
    log(`${model.fileName} present, sha256 verified`);
    return { path, action: 'rehashed' };
  }
  const source = await fetchModel(model.source, options);
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const started = Date.now();
    log(`deriving ${model.fileName} from ${model.source.fileName}`);
    await deriveQ4_0Gguf(source.path, tmp);
    const sha256 = await sha256File(tmp);
    if (sha256 !== model.sha256) {
      throw new FetchError(
        FETCH_ERROR_CODES.MODEL_HASH_MISMATCH,
        `${model.fileName} derived with sha256 ${sha256}, expected ${model.sha256}; deleted it`,
      );
    }
    await rename(tmp, path);
    await writeHashStamp(path, model.sha256);
    log(`${model.fileName} derived in ${((Date.now() - started) / 1000).toFixed(1)} s, sha256 verified`);
    return { path, action: 'derived' };
  } finally {
    await rm(tmp, { force: true });
  }
}
