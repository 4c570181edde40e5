import { execFileSync } from 'node:child_process';
import { MODEL_FETCHER_ENTRY } from './repo-paths';

/**
 * Absolute path of a model of the fetcher's catalogue (`default`, `gemma3-270m`, ...): the
 * fetcher prints it, fetching the model first (hash-checked) when it is not cached yet.
 */
export function fetchedModelPath(name: string): string {
  const printed = execFileSync(process.execPath, [MODEL_FETCHER_ENTRY, '--model', name, '--quiet'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  }).trim();
  const last = printed.split('\n').pop()?.trim() ?? '';
  if (!last.endsWith('.gguf')) throw new Error(`the model fetcher printed no GGUF path for ${name}: ${JSON.stringify(printed)}`);
  return last;
}
