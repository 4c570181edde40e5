import type { NetworkInterfaceInfo } from 'node:os';
import { DiscoveryErrorCode } from '../errors/discovery-error';
import { inSubnet, ipv4ToNumber, resolveBoundInterface, subnetOf, type NetworkInterfaceTable } from './local-interface';

function v4(address: string, netmask: string): NetworkInterfaceInfo {
  return { address, netmask, family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null };
}

const table: NetworkInterfaceTable = {
  lo: [v4('127.0.0.1', '255.0.0.0')],
  eth0: [v4('192.168.1.20', '255.255.255.0'), v4('10.0.0.5', '255.255.0.0')],
  wg0: [{ address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '', internal: false, cidr: null, scopeid: 1 }],
};

describe('resolveBoundInterface', () => {
  it('returns every IPv4 subnet of the interface', () => {
    const bound = resolveBoundInterface('eth0', '192.168.1.20', table);
    expect(bound.name).toBe('eth0');
    expect(bound.subnets).toHaveLength(2);
    expect(bound.subnets.some((s) => inSubnet('10.0.200.1', s))).toBe(true);
  });

  it('throws INTERFACE_NOT_FOUND for an unknown interface (ciao would fall back to all of them)', () => {
    expect(() => resolveBoundInterface('v-lsa@if5', '10.0.0.1', table)).toThrow(
      expect.objectContaining({ code: DiscoveryErrorCode.INTERFACE_NOT_FOUND }),
    );
  });

  it('throws ADDRESS_NOT_ON_INTERFACE when the address belongs elsewhere', () => {
    expect(() => resolveBoundInterface('eth0', '127.0.0.1', table)).toThrow(
      expect.objectContaining({ code: DiscoveryErrorCode.ADDRESS_NOT_ON_INTERFACE }),
    );
    expect(() => resolveBoundInterface('wg0', '10.0.0.5', table)).toThrow(/no IPv4 address/);
  });
});

describe('IPv4 helpers', () => {
  it('converts addresses', () => {
    expect(ipv4ToNumber('10.1.2.3')).toBe(0x0a010203);
    expect(ipv4ToNumber('255.255.255.255')).toBe(0xffffffff);
    expect(ipv4ToNumber('::1')).toBeUndefined();
  });

  it.each([
    ['10.77.3.9', '10.77.3.1', '255.255.255.0', true],
    ['10.77.4.9', '10.77.3.1', '255.255.255.0', false],
    ['192.168.200.1', '192.168.0.1', '255.255.0.0', true],
    ['not-an-ip', '10.0.0.1', '255.0.0.0', false],
  ])('%s in the subnet of %s/%s: %s', (address, own, mask, expected) => {
    const subnet = subnetOf(own, mask);
    expect(subnet).toBeDefined();
    if (subnet) expect(inSubnet(address, subnet)).toBe(expected);
  });
});
