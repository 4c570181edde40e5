import { isIP } from 'node:net';
import {
  CONFIG_LIMITS,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_HEALTH_INTERVAL_MS,
  DEFAULT_INSTANCES,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_TOKENS_LIMIT,
  DEFAULT_PEER_TTL_MS,
  DEFAULT_PORT,
  DEFAULT_UNHEALTHY_AFTER_FAILURES,
  DEFAULT_VOTE_TIMEOUT_MS,
  FEDERATION_MODES,
  LOG_LEVELS,
  NODE_ID_PATTERN,
  STRATEGY_NAMES,
  type SettableConfig,
  type SettableKey,
} from './node-config';

/** What commander hands over for a flag: a string, a boolean for a switch, a list for a repeatable flag. */
export type CliRaw = string | boolean | readonly string[];

/**
 * One settable field: its flag (if any), its config file key (the key of this table; dots are
 * nesting: `federation.mode` is `mode` inside the `federation:` mapping) and how a value is
 * checked. CLI values arrive as strings (booleans for switches, lists for repeatable flags), file
 * values as parsed JSON/YAML; both go through the same bounds so a flag and a key can never
 * disagree. `undefined` = invalid.
 */
export interface FieldSpec<T> {
  /** Commander flag definition, e.g. `--instances <N>`; null for a config-file-only setting. */
  readonly flags: string | null;
  /** Help text; states the default. */
  readonly description: string;
  /** What a valid value is, for error messages: "an integer between 1 and 32". */
  readonly expected: string;
  /** What one occurrence of a repeatable flag must be, when it differs from `expected`. */
  readonly expectedCli?: string;
  /** The flag only makes sense with federation on: given without it, it is an error. */
  readonly requiresFederation?: true;
  fromCli(raw: CliRaw): T | undefined;
  fromFile(value: unknown): T | undefined;
  /** The "got …" part of a file error, when pointing inside the value helps (a bad list item). */
  describeBadFileValue?(value: unknown): string;
}

export type FieldSpecs = { readonly [K in SettableKey]: FieldSpec<SettableConfig[K]> };

const DIGITS = /^[0-9]+$/;

function integerField(
  flags: string | null,
  description: string,
  limits: { readonly min: number; readonly max: number },
): FieldSpec<number> {
  const inRange = (n: number): number | undefined =>
    Number.isSafeInteger(n) && n >= limits.min && n <= limits.max ? n : undefined;
  return {
    flags,
    description,
    expected: `an integer between ${limits.min} and ${limits.max}`,
    // Plain decimal digits only: "1e3", "0x10", "+5", "3.0" and "" are rejected, not coerced.
    fromCli: (raw) => (typeof raw === 'string' && DIGITS.test(raw) ? inRange(Number(raw)) : undefined),
    fromFile: (value) => (typeof value === 'number' ? inRange(value) : undefined),
  };
}

/** A field whose default is "decide later": `null` in a file means the same as leaving it out. */
function nullable<T>(spec: FieldSpec<T>): FieldSpec<T | null> {
  return { ...spec, fromFile: (value) => (value === null ? null : spec.fromFile(value)) };
}

function choiceField<T extends string>(flags: string | null, description: string, choices: readonly T[]): FieldSpec<T> {
  const pick = (value: unknown): T | undefined => choices.find((choice) => choice === value);
  return { flags, description, expected: `one of ${choices.join(', ')}`, fromCli: pick, fromFile: pick };
}

function switchField(flags: string, description: string): FieldSpec<boolean> {
  const check = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
  return { flags, description, expected: 'true or false', fromCli: check, fromFile: check };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function ipAddress(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  return text !== undefined && isIP(text) !== 0 ? text : undefined;
}

function nodeId(value: unknown): string | undefined {
  return typeof value === 'string' && NODE_ID_PATTERN.test(value) ? value : undefined;
}

/** A peer address, checked lightly: non-empty, no whitespace. The app parses it fully. */
function peerAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !/\s/.test(value) ? value : undefined;
}

const PEER_SHAPE = 'host:port or openai+http://host:port/v1, no whitespace';

function peerList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const peers: string[] = [];
  for (const item of value) {
    const peer = peerAddress(item);
    if (peer === undefined) return undefined;
    peers.push(peer);
  }
  return Object.freeze(peers);
}

const peersField: FieldSpec<readonly string[]> = {
  flags: '--peer <host:port|openai+http://host:port/v1>',
  description:
    'federation peer to join besides the discovered ones; repeat for more; replaces federation.peers ' +
    'of the config file (default: none)',
  expected: `a list of peer addresses (${PEER_SHAPE})`,
  expectedCli: `a peer address (${PEER_SHAPE})`,
  requiresFederation: true,
  fromCli: peerList,
  fromFile: peerList,
  describeBadFileValue: (value) => describeBadItem(value, (item) => peerAddress(item) !== undefined),
};

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > CONFIG_LIMITS.weight.min && value <= CONFIG_LIMITS.weight.max;
}

/** id → weight. Object.fromEntries defines own properties, so a `__proto__` id stays an id. */
function weightMap(value: unknown): Readonly<Record<string, number>> | undefined {
  if (!isMapping(value)) return undefined;
  const weights: [string, number][] = [];
  for (const [id, weight] of Object.entries(value)) {
    if (id === '' || !isWeight(weight)) return undefined;
    weights.push([id, weight]);
  }
  return Object.freeze(Object.fromEntries(weights));
}

function weightsField(of: 'peer' | 'model'): FieldSpec<Readonly<Record<string, number>>> {
  return {
    flags: null,
    description: `voting weight per ${of} id for federated weighted_vote (default: none, each weighs 1)`,
    expected: `a mapping of ${of} ids to numbers greater than ${CONFIG_LIMITS.weight.min} and at most ${CONFIG_LIMITS.weight.max}`,
    fromCli: () => undefined,
    fromFile: weightMap,
    describeBadFileValue: (value) => {
      if (!isMapping(value)) return describeFileValue(value);
      const bad = Object.entries(value).find(([id, weight]) => id === '' || !isWeight(weight));
      if (bad === undefined) return describeFileValue(value);
      return bad[0] === '' ? 'an empty id' : `${describeFileValue(bad[1])} for ${JSON.stringify(bad[0])}`;
    },
  };
}

/** Makes a CLI-less field: commander never reaches `fromCli`. */
function fileOnly<T>(spec: FieldSpec<T>): FieldSpec<T> {
  return { ...spec, flags: null, fromCli: () => undefined };
}

export const FIELD_SPECS: FieldSpecs = {
  auto: switchField('--auto', 'size instances and context from the hardware (default: off)'),
  model: nullable({
    flags: '--model <path|hf:uri>',
    description: 'GGUF model file or hf: URI (default: chosen at startup)',
    expected: 'a non-empty string',
    fromCli: nonEmptyString,
    fromFile: nonEmptyString,
  }),
  instances: nullable(
    integerField(
      '--instances <N>',
      `model instances on this node (default: from --auto, else ${DEFAULT_INSTANCES})`,
      CONFIG_LIMITS.instances,
    ),
  ),
  strategy: choiceField('--strategy <name>', `consensus strategy: ${STRATEGY_NAMES.join(', ')} (default: majority)`, STRATEGY_NAMES),
  host: nullable({
    flags: '--host <ip>',
    description: 'IP address to listen on; 0.0.0.0 only if you mean it (default: first private/CGNAT address, else 127.0.0.1)',
    expected: 'an IP address',
    fromCli: ipAddress,
    fromFile: ipAddress,
  }),
  port: integerField('--port <n>', `API port, 0 for any free port (default: ${DEFAULT_PORT})`, CONFIG_LIMITS.port),
  logLevel: choiceField('--log-level <level>', `${LOG_LEVELS.join(', ')} (default: info)`, LOG_LEVELS),
  contextSize: integerField(
    '--context-size <n>',
    `context tokens per sequence (default: ${DEFAULT_CONTEXT_SIZE})`,
    CONFIG_LIMITS.contextSize,
  ),
  threads: nullable(integerField('--threads <n>', 'CPU threads for inference (default: engine decides)', CONFIG_LIMITS.threads)),
  maxQueue: integerField(
    '--max-queue <n>',
    `requests that may wait beyond capacity before 429 (default: ${DEFAULT_MAX_QUEUE})`,
    CONFIG_LIMITS.maxQueue,
  ),
  maxTokensLimit: integerField(
    '--max-tokens-limit <n>',
    `largest max_tokens a request may ask, at most --context-size (default: ${DEFAULT_MAX_TOKENS_LIMIT})`,
    CONFIG_LIMITS.maxTokensLimit,
  ),
  nodeId: nullable({
    flags: '--node-id <id>',
    description: "this node's id among its peers, 1-64 of A-Z a-z 0-9 . _ - (default: derived, stable across restarts)",
    expected: '1 to 64 letters, digits, ".", "_" or "-"',
    fromCli: nodeId,
    fromFile: nodeId,
  }),
  'federation.enabled': switchField('--federation', 'vote together with other Local Swarm nodes (default: off)'),
  'federation.peers': peersField,
  'federation.discovery': {
    ...switchField('--no-discovery', 'do not look for peers on the local network, use only --peer (default: discovery on)'),
    requiresFederation: true,
  },
  'federation.mode': {
    ...choiceField(
      `--mode <${FEDERATION_MODES.join('|')}>`,
      'federation mode: vote (every peer votes) or balance (spread requests over the nodes) (default: vote)',
      FEDERATION_MODES,
    ),
    requiresFederation: true,
  },
  'federation.strategy': fileOnly(
    nullable(choiceField(null, 'consensus strategy for federated requests (default: the top-level strategy)', STRATEGY_NAMES)),
  ),
  'federation.voteTimeoutMs': {
    ...integerField(
      '--vote-timeout-ms <n>',
      `how long a federated request waits for the peers' votes, in ms (default: ${DEFAULT_VOTE_TIMEOUT_MS})`,
      CONFIG_LIMITS.voteTimeoutMs,
    ),
    requiresFederation: true,
  },
  'federation.healthIntervalMs': fileOnly(
    integerField(null, `ms between health checks of a peer (default: ${DEFAULT_HEALTH_INTERVAL_MS})`, CONFIG_LIMITS.healthIntervalMs),
  ),
  'federation.unhealthyAfterFailures': fileOnly(
    integerField(
      null,
      `failed health checks in a row that make a peer unhealthy (default: ${DEFAULT_UNHEALTHY_AFTER_FAILURES})`,
      CONFIG_LIMITS.unhealthyAfterFailures,
    ),
  ),
  'federation.peerTtlMs': fileOnly(
    integerField(null, `ms after which a silent discovered peer is forgotten (default: ${DEFAULT_PEER_TTL_MS})`, CONFIG_LIMITS.peerTtlMs),
  ),
  'federation.weights.peers': weightsField('peer'),
  'federation.weights.models': weightsField('model'),
};

export const SETTABLE_KEYS = Object.keys(FIELD_SPECS) as SettableKey[];

/** `--max-tokens-limit` for `maxTokensLimit`: the flag name without its argument; the key itself if it has no flag. */
export function flagName(key: SettableKey): string {
  return FIELD_SPECS[key].flags?.split(' ')[0] ?? key;
}

/** How a config file value is shown in an error: its type, then the value when short. */
export function describeFileValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}

/** "the number 5 at index 1" for the first bad item of a list; the value itself when not a list. */
function describeBadItem(value: unknown, isGood: (item: unknown) => boolean): string {
  if (!Array.isArray(value)) return describeFileValue(value);
  const index = value.findIndex((item) => !isGood(item));
  return index < 0 ? describeFileValue(value) : `${describeFileValue(value[index])} at index ${index}`;
}

/** A partial config being filled in by a parser. */
export type SettableDraft = { -readonly [K in SettableKey]?: SettableConfig[K] };

/** Sets one field of a draft (keeps the key/value pairing typed without casts). */
export function assignField<K extends SettableKey>(target: SettableDraft, key: K, value: SettableConfig[K]): void {
  target[key] = value;
}
