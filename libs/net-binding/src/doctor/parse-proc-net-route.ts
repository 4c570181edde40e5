import type { RouteEntry } from './route-entry';

/** `RTF_UP` in the Flags column: routes without it are not used. */
const ROUTE_UP = 0x0001;
const HEX_WORD = /^[0-9a-f]{8}$/i;

/**
 * Reads Linux's `/proc/net/route`. Destination and mask are 32-bit words in the kernel's byte
 * order, printed as hex: on a little-endian machine 224.0.0.0 reads `000000E0`. Lines that do not
 * parse and routes that are not up are skipped; never throws.
 */
export function parseProcNetRoute(text: string, endianness: 'LE' | 'BE' = 'LE'): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const [interfaceName, destination, , flags, , , , mask] = line.trim().split(/\s+/);
    if (interfaceName === undefined || destination === undefined || flags === undefined || mask === undefined) continue;
    if (!HEX_WORD.test(destination) || !HEX_WORD.test(mask) || !/^[0-9a-f]{1,8}$/i.test(flags)) continue;
    if ((Number.parseInt(flags, 16) & ROUTE_UP) === 0) continue;
    routes.push({ interfaceName, destination: hostWord(destination, endianness), mask: hostWord(mask, endianness) });
  }
  return routes;
}

function hostWord(hex: string, endianness: 'LE' | 'BE'): number {
  const buffer = Buffer.from(hex, 'hex');
  return endianness === 'LE' ? buffer.readUInt32LE(0) : buffer.readUInt32BE(0);
}
