import { deriveIq4NlGguf } from '@local-swarm/gguf';

const USAGE = 'usage: node tools/model-fetcher/dist/derive-iq4-nl-main.js INPUT.Q4_1.gguf OUTPUT.gguf [--keep-q4-1 REGEXP]';

/**
 * Derives an IQ4_NL model from a Q4_1 one, for trying it before it becomes a pinned derived model.
 * `--keep-q4-1` leaves the Q4_1 tensors whose names match as they are.
 */
async function main(args: readonly string[]): Promise<void> {
  const [input, output, flag, pattern] = args;
  if (input === undefined || output === undefined || (flag !== undefined && (flag !== '--keep-q4-1' || pattern === undefined)) || args.length > 4) {
    throw new Error(USAGE);
  }
  const kept = pattern === undefined ? undefined : new RegExp(pattern);
  const started = Date.now();
  const header = await deriveIq4NlGguf(input, output, { keepQ4_1: (tensor) => kept?.test(tensor.name) === true });
  const counts = new Map<number, number>();
  for (const tensor of header.tensors) counts.set(tensor.type, (counts.get(tensor.type) ?? 0) + 1);
  console.log(`${output}: tensors by ggml type ${JSON.stringify(Object.fromEntries(counts))}, ${Date.now() - started} ms`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
