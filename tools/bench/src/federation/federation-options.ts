import { Command, InvalidArgumentError } from 'commander';
import { positiveIntegerOption } from '../support/numeric-flag';
import { FEDERATION_MODES, type FederationMode } from './federation-samples';

export interface FederationOptions {
  readonly reps: number;
  readonly events: number;
  readonly tokens: number;
  readonly clientTokens: number;
  readonly instances: number;
  readonly settleMs: number;
  readonly mode: 'both' | FederationMode;
  readonly model?: string;
}

/** The modes a `--mode` runs: both side by side (sealed first), or one. */
export function modesOf(mode: FederationOptions['mode']): FederationMode[] {
  return mode === 'both' ? [...FEDERATION_MODES] : [mode];
}

function modeOption(raw: string): FederationOptions['mode'] {
  if (raw === 'both' || (FEDERATION_MODES as readonly string[]).includes(raw)) return raw as FederationOptions['mode'];
  throw new InvalidArgumentError(`--mode must be sealed, open or both; got "${raw}"`);
}

/** Reads the benchmark's flags (commander exits with a clear message on a bad one). */
export function parseFederationOptions(argv: readonly string[] = process.argv): FederationOptions {
  return new Command('federation')
    .description('Federation benchmark: sealed and open pairs of nodes in network namespaces (needs root, iproute2, taskset)')
    .option('--mode <mode>', 'sealed (paired by a swarm key), open (--federation-open) or both side by side', modeOption, 'both')
    .option('--reps <count>', 'interleaved rounds of the four latency cases (median taken)', positiveIntegerOption('reps'), 5)
    .option('--events <count>', 'SIGTERMs and kill -9s of B, each, per mode (median taken)', positiveIntegerOption('events'), 3)
    .option('--tokens <count>', 'max_tokens of the latency requests', positiveIntegerOption('tokens'), 32)
    .option('--client-tokens <count>', "max_tokens of the client loop's chat requests during events", positiveIntegerOption('client-tokens'), 8)
    .option('--instances <count>', 'instances (candidates) per node', positiveIntegerOption('instances'), 1)
    .option('--settle-ms <ms>', 'how long after each event its window stays open', positiveIntegerOption('settle-ms'), 1000)
    .option('--model <path>', "GGUF model (default: the node's default model)")
    .parse([...argv])
    .opts<FederationOptions>();
}
