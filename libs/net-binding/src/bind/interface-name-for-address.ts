import { BlockList, isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { stripZoneIndex } from '../address/classify-address';
import type { NetworkInterfaceTable } from './bind-choice';

export interface InterfaceAddress {
  readonly name: string;
  readonly info: NetworkInterfaceInfo;
}

/**
 * Finds the interface entry holding `address`. Addresses compare by value, not spelling:
 * `FE80::1` matches `fe80::1`, and `::ffff:10.0.0.1` matches `10.0.0.1` (node's BlockList does the
 * parsing). A zone index (`fe80::1%eth0`, or a numeric scope id) restricts the match to that interface.
 */
export function findInterfaceAddress(address: string, interfaces: NetworkInterfaceTable): InterfaceAddress | null {
  const family = isIP(address);
  if (family === 0) return null;
  const percent = address.indexOf('%');
  const zone = percent === -1 ? null : address.slice(percent + 1);
  const wanted = new BlockList();
  wanted.addAddress(stripZoneIndex(address), family === 4 ? 'ipv4' : 'ipv6');
  for (const [name, infos] of Object.entries(interfaces)) {
    if (zone !== null && zone !== name && !(infos ?? []).some((info) => String(info.scopeid) === zone)) continue;
    for (const info of infos ?? []) {
      if (isIP(info.address) === 0) continue;
      if (wanted.check(info.address, info.family === 'IPv4' ? 'ipv4' : 'ipv6')) return { name, info };
    }
  }
  return null;
}

/**
 * Name of the interface holding `address` (e.g. `en0`, `eth0`, `lo`), or null when no interface
 * holds it. Discovery uses it to advertise mDNS on the interface the API is bound to.
 */
export function interfaceNameForAddress(address: string, interfaces: NetworkInterfaceTable): string | null {
  return findInterfaceAddress(address, interfaces)?.name ?? null;
}
