import { describeBadItem, describeFileValue } from './describe-file-value';
import type { ValueKind } from './field-spec';

/** A peer address, checked lightly: non-empty, no whitespace. The app parses it fully. */
function peerAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !/\s/.test(value) ? value : undefined;
}

const PEER_SHAPE = 'host:port or openai+http(s)://host:port/v1, no whitespace';

/**
 * Lists of `item`s: one per occurrence of a repeatable flag, a list in a file. `item` returns the
 * value to keep (it may normalize it) or undefined when the item is invalid.
 */
export function textLists(
  item: (value: unknown) => string | undefined,
  names: { readonly expected: string; readonly expectedCli: string },
): ValueKind<readonly string[]> {
  const list = (value: unknown): readonly string[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const items: string[] = [];
    for (const entry of value) {
      const kept = item(entry);
      if (kept === undefined) return undefined;
      items.push(kept);
    }
    return Object.freeze(items);
  };
  return {
    ...names,
    fromCli: list,
    fromFile: list,
    describeBadFileValue: (value) => describeBadItem(value, (entry) => item(entry) !== undefined),
  };
}

/** Peer addresses: one per occurrence of a repeatable flag, a list in a file. */
export const peerLists = textLists(peerAddress, {
  expected: `a list of peer addresses (${PEER_SHAPE})`,
  expectedCli: `a peer address (${PEER_SHAPE})`,
});

/** A weight is a finite number > min and ≤ max. */
const WEIGHT = { min: 0, max: 1000 } as const;

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > WEIGHT.min && value <= WEIGHT.max;
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

/** Voting weights by `of` id (config file only: a mapping has no flag). */
export function weightMaps(of: 'peer' | 'model'): ValueKind<Readonly<Record<string, number>>> {
  return {
    expected: `a mapping of ${of} ids to numbers greater than ${WEIGHT.min} and at most ${WEIGHT.max}`,
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

/** A mapping of OpenAI-compatible peer addresses to key file paths (config file only). */
export const peerKeyFileMaps: ValueKind<Readonly<Record<string, string>>> = {
  expected: 'a mapping of peer addresses (openai+http(s)://host:port/v1) to key file paths',
  fromCli: () => undefined,
  fromFile: (value) => {
    if (!isMapping(value)) return undefined;
    const keyFiles: [string, string][] = [];
    for (const [address, path] of Object.entries(value)) {
      if (peerAddress(address) === undefined || typeof path !== 'string' || path === '') return undefined;
      keyFiles.push([address, path]);
    }
    return Object.freeze(Object.fromEntries(keyFiles));
  },
  describeBadFileValue: (value) => {
    if (!isMapping(value)) return describeFileValue(value);
    const bad = Object.entries(value).find(([address, path]) => peerAddress(address) === undefined || typeof path !== 'string' || path === '');
    if (bad === undefined) return describeFileValue(value);
    return peerAddress(bad[0]) === undefined ? `the address ${JSON.stringify(bad[0])}` : `${describeFileValue(bad[1])} for ${JSON.stringify(bad[0])}`;
  },
};

