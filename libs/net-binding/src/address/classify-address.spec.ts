import type { AddressClass } from './address-class';
import { classifyAddress } from './classify-address';
import { isTrustedClientAddress } from './is-trusted-client-address';

const cases: readonly (readonly [ip: string, expected: AddressClass])[] = [
  // loopback
  ['127.0.0.1', 'loopback'],
  ['127.255.255.255', 'loopback'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'],
  // RFC 1918 and its edges
  ['10.0.0.0', 'private'],
  ['10.255.255.255', 'private'],
  ['9.255.255.255', 'public'],
  ['11.0.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.0', 'public'],
  ['192.168.0.0', 'private'],
  ['192.168.1.1', 'private'],
  ['192.168.255.255', 'private'],
  ['192.167.255.255', 'public'],
  ['192.169.0.0', 'public'],
  // IPv6 unique local fc00::/7
  ['fc00::', 'private'],
  ['fd00::1', 'private'],
  ['FDFF:FFFF::1', 'private'],
  ['fe00::1', 'public'],
  ['fbff::1', 'public'],
  // CGNAT 100.64.0.0/10
  ['100.63.255.255', 'public'],
  ['100.64.0.0', 'cgnat'],
  ['100.64.0.1', 'cgnat'],
  ['100.100.100.100', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.0', 'public'],
  // link-local
  ['169.254.0.1', 'link_local'],
  ['169.254.255.255', 'link_local'],
  ['169.253.255.255', 'public'],
  ['fe80::1', 'link_local'],
  ['fe80::1%eth0', 'link_local'],
  ['febf:ffff::1', 'link_local'],
  ['fec0::1', 'public'],
  // unspecified
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['0:0:0:0:0:0:0:0', 'unspecified'],
  // documentation (not "192.x": 192.0.2.x is documentation, most of 192/8 is public)
  ['192.0.2.1', 'documentation'],
  ['192.0.2.255', 'documentation'],
  ['192.0.3.0', 'public'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.200', 'documentation'],
  ['2001:db8::1', 'documentation'],
  ['2001:db8:ffff::1', 'documentation'],
  ['2001:db9::1', 'public'],
  ['3fff::1', 'documentation'],
  // multicast
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['223.255.255.255', 'public'],
  ['ff02::fb', 'multicast'],
  // reserved / special purpose
  ['0.1.2.3', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['198.19.255.255', 'reserved'],
  ['198.20.0.0', 'public'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['100::1', 'reserved'],
  // public
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['192.1.0.1', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2001:4860:4860::8888', 'public'],
  // IPv4-mapped IPv6: the IPv4 inside decides (Fastify reports dual-stack clients this way)
  ['::ffff:192.168.0.1', 'private'],
  ['::FFFF:10.0.0.1', 'private'],
  ['::ffff:c0a8:1', 'private'],
  ['0:0:0:0:0:ffff:c0a8:0001', 'private'],
  ['::ffff:100.64.0.1', 'cgnat'],
  ['::ffff:169.254.1.1', 'link_local'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:192.0.2.1', 'documentation'],
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:172.15.255.255', 'public'],
  // invalid
  ['', 'invalid'],
  ['localhost', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['1.2.3', 'invalid'],
  ['010.0.0.1', 'invalid'],
  [' 10.0.0.1', 'invalid'],
  ['10.0.0.1/8', 'invalid'],
  ['fe80::1::2', 'invalid'],
  ['gggg::1', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(cases)('%s is %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe('isTrustedClientAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.1.2.3', true],
    ['::ffff:192.168.0.1', true],
    ['fd12:3456::1', true],
    ['100.101.102.103', true],
    ['169.254.10.10', true],
    ['fe80::abcd', true],
    ['8.8.8.8', false],
    ['::ffff:8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['192.0.2.1', false],
    ['198.18.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.251', false],
    ['not-an-ip', false],
  ] as const)('%s → %s', (ip, trusted) => {
    expect(isTrustedClientAddress(ip)).toBe(trusted);
  });
});
