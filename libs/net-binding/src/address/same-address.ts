import { BlockList, isIP } from 'node:net';
import { stripZoneIndex } from './classify-address';

function holding(address: string): BlockList | null {
  const family = isIP(address);
  if (family === 0) return null;
  const list = new BlockList();
  list.addAddress(stripZoneIndex(address), family === 4 ? 'ipv4' : 'ipv6');
  return list;
}

/**
 * True when two IP literals name the same address, whatever the spelling: `::ffff:10.0.0.1` is
 * `10.0.0.1` (a dual-stack socket reports IPv4 peers that way), `FE80::1` is `fe80::1`. Zone
 * indexes are ignored; anything that is not an IP literal equals nothing.
 */
export function sameAddress(a: string, b: string): boolean {
  const familyOfB = isIP(b);
  const list = holding(a);
  return list !== null && familyOfB !== 0 && list.check(stripZoneIndex(b), familyOfB === 4 ? 'ipv4' : 'ipv6');
}
