import { isIPv4 } from 'node:net';
import type { RouteEntry } from './route-entry';

/** Route types `ip route` may print before the destination; `unicast` is the one it usually omits. */
const ROUTE_TYPES = new Set(['unicast', 'multicast', 'broadcast', 'local', 'anycast']);
/** Types that deliver nothing: a route of one of these never carries packets out of the interface. */
const DROPPING_TYPES = new Set(['unreachable', 'blackhole', 'prohibit', 'throw']);

/**
 * Reads `ip -4 route show table all` style output (`default via 192.168.1.1 dev eth0`,
 * `224.0.0.0/4 dev eth0 scope link`). Lines that do not parse are skipped; never throws.
 */
export function parseIpRoute(text: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const first = words[0];
    if (first === undefined || DROPPING_TYPES.has(first)) continue;
    const target = ROUTE_TYPES.has(first) ? words[1] : first;
    const devIndex = words.indexOf('dev');
    const interfaceName = devIndex < 0 ? undefined : words[devIndex + 1];
    const network = target === undefined ? undefined : parseDestination(target);
    if (interfaceName === undefined || network === undefined) continue;
    routes.push({ interfaceName, ...network });
  }
  return routes;
}

function parseDestination(target: string): { destination: number; mask: number } | undefined {
  if (target === 'default') return { destination: 0, mask: 0 };
  const [address, prefixText = '32'] = target.split('/');
  const prefix = Number(prefixText);
  if (address === undefined || !isIPv4(address) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const value = address.split('.').reduce((word, octet) => (word << 8) + Number(octet), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { destination: (value & mask) >>> 0, mask };
}
