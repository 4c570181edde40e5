import { BlockList, isIP } from 'node:net';
import type { AddressClass } from './address-class';

type Subnet = readonly [network: string, prefix: number];

interface ClassRanges {
  readonly addressClass: Exclude<AddressClass, 'public' | 'invalid'>;
  readonly ipv4: readonly Subnet[];
  readonly ipv6: readonly Subnet[];
}

/**
 * Ranges per class, checked in this order (first match wins), so the exact `unspecified`
 * addresses are found before the wider `reserved` 0.0.0.0/8 that contains 0.0.0.0.
 */
const RANGES: readonly ClassRanges[] = [
  { addressClass: 'unspecified', ipv4: [['0.0.0.0', 32]], ipv6: [['::', 128]] },
  { addressClass: 'loopback', ipv4: [['127.0.0.0', 8]], ipv6: [['::1', 128]] },
  {
    addressClass: 'private',
    ipv4: [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    ipv6: [['fc00::', 7]],
  },
  { addressClass: 'cgnat', ipv4: [['100.64.0.0', 10]], ipv6: [] },
  { addressClass: 'link_local', ipv4: [['169.254.0.0', 16]], ipv6: [['fe80::', 10]] },
  {
    addressClass: 'documentation',
    ipv4: [
      ['192.0.2.0', 24],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
    ],
    ipv6: [
      ['2001:db8::', 32],
      ['3fff::', 20],
    ],
  },
  { addressClass: 'multicast', ipv4: [['224.0.0.0', 4]], ipv6: [['ff00::', 8]] },
  {
    addressClass: 'reserved',
    ipv4: [
      ['0.0.0.0', 8],
      ['192.0.0.0', 24],
      ['198.18.0.0', 15],
      ['240.0.0.0', 4],
    ],
    ipv6: [
      ['100::', 64],
      ['2001:2::', 48],
    ],
  },
];

interface CompiledRanges {
  readonly addressClass: ClassRanges['addressClass'];
  readonly ipv4: BlockList;
  readonly ipv6: BlockList;
}

function compile(ranges: readonly ClassRanges[]): readonly CompiledRanges[] {
  return ranges.map(({ addressClass, ipv4, ipv6 }) => {
    const v4 = new BlockList();
    for (const [network, prefix] of ipv4) v4.addSubnet(network, prefix, 'ipv4');
    const v6 = new BlockList();
    for (const [network, prefix] of ipv6) v6.addSubnet(network, prefix, 'ipv6');
    return { addressClass, ipv4: v4, ipv6: v6 };
  });
}

const COMPILED = compile(RANGES);

/** ::ffff:0:0/96, IPv4-mapped IPv6 addresses (RFC 4291 §2.5.5.2). */
const IPV4_MAPPED = new BlockList();
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');

/** Drops an IPv6 zone index (`fe80::1%eth0` → `fe80::1`): the zone names a link, not an address. */
export function stripZoneIndex(ip: string): string {
  const percent = ip.indexOf('%');
  return percent === -1 ? ip : ip.slice(0, percent);
}

/**
 * Classifies an IPv4 or IPv6 address literal. Never throws: anything that is not an address is
 * `invalid`.
 *
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, also written `::ffff:a00:1`) are classified as the
 * IPv4 address inside: Node reports IPv4 clients of a dual-stack socket that way. Parsing and the
 * mapped-address rule are node's own (`net.isIP`, `net.BlockList`, which matches IPv4 rules against
 * IPv4-mapped IPv6 addresses).
 */
export function classifyAddress(ip: string): AddressClass {
  const family = isIP(ip);
  if (family === 4) return classifyWith(ip, 'ipv4', 'ipv4');
  if (family === 6) {
    const address = stripZoneIndex(ip);
    return IPV4_MAPPED.check(address, 'ipv6')
      ? classifyWith(address, 'ipv6', 'ipv4')
      : classifyWith(address, 'ipv6', 'ipv6');
  }
  return 'invalid';
}

function classifyWith(address: string, type: 'ipv4' | 'ipv6', rules: 'ipv4' | 'ipv6'): AddressClass {
  for (const ranges of COMPILED) {
    if (ranges[rules].check(address, type)) return ranges.addressClass;
  }
  return 'public';
}
