import type { NetworkInterfaceInfo } from 'node:os';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { isTrustedClient, isTunnelInterface } from './is-trusted-client';
import { sameAddress } from './same-address';

function ipv4(address: string): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/24` };
}

const INTERFACES: NetworkInterfaceTable = {
  eth0: [ipv4('100.70.0.2')],
  wlan0: [ipv4('192.168.1.5')],
  tailscale0: [ipv4('100.101.1.2')],
  wg0: [ipv4('100.90.0.1')],
  utun3: [ipv4('100.80.0.1')],
};

const automatic = { requestedHost: null, interfaces: () => INTERFACES };

describe('isTrustedClient', () => {
  it.each([
    ['loopback', '127.0.0.1', null],
    ['private', '192.168.1.20', '192.168.1.5'],
    ['link-local', '169.254.3.4', '192.168.1.5'],
    ['ULA', 'fd00::9', null],
    ['CGNAT over tailscale0', '100.101.9.9', '100.101.1.2'],
    ['CGNAT over wg0', '100.90.0.7', '100.90.0.1'],
    ['CGNAT over utun3 (dual-stack spelling)', '::ffff:100.80.0.9', '::ffff:100.80.0.1'],
  ])('trusts a %s client', (_label, remoteAddress, localAddress) => {
    expect(isTrustedClient({ remoteAddress, localAddress }, automatic)).toBe(true);
  });

  it.each([
    ['CGNAT arriving on eth0', '100.70.0.9', '100.70.0.2'],
    ['CGNAT arriving on the LAN address', '100.101.9.9', '192.168.1.5'],
    ['CGNAT with an unknown arrival address', '100.101.9.9', null],
    ['CGNAT arriving on an address no interface holds', '100.101.9.9', '10.1.1.1'],
    ['public', '8.8.8.8', '192.168.1.5'],
    ['documentation', '192.0.2.1', '192.168.1.5'],
  ])('refuses %s', (_label, remoteAddress, localAddress) => {
    expect(isTrustedClient({ remoteAddress, localAddress }, automatic)).toBe(false);
  });

  it('trusts CGNAT on any interface when --host itself names a CGNAT address', () => {
    const named = { requestedHost: '100.70.0.2', interfaces: () => INTERFACES };
    expect(isTrustedClient({ remoteAddress: '100.70.0.9', localAddress: '100.70.0.2' }, named)).toBe(true);
    expect(isTrustedClient({ remoteAddress: '8.8.8.8', localAddress: '100.70.0.2' }, named)).toBe(false);
  });

  it('does not let a private --host widen CGNAT trust', () => {
    const named = { requestedHost: '192.168.1.5', interfaces: () => INTERFACES };
    expect(isTrustedClient({ remoteAddress: '100.70.0.9', localAddress: '192.168.1.5' }, named)).toBe(false);
  });

  it('reads the interfaces only for CGNAT clients', () => {
    const interfaces = jest.fn(() => INTERFACES);
    isTrustedClient({ remoteAddress: '192.168.1.20', localAddress: '192.168.1.5' }, { requestedHost: null, interfaces });
    expect(interfaces).not.toHaveBeenCalled();
  });
});

describe('isTunnelInterface', () => {
  it.each([['tailscale0', true], ['wg0', true], ['utun4', true], ['eth0', false], ['en0', false], ['wlan0', false]] as const)(
    '%s → %s',
    (name, tunnel) => {
      expect(isTunnelInterface(name)).toBe(tunnel);
    },
  );
});

describe('sameAddress', () => {
  it.each([
    ['10.0.0.1', '::ffff:10.0.0.1', true],
    ['::ffff:10.0.0.1', '10.0.0.1', true],
    ['FE80::1', 'fe80::1%eth0', true],
    ['10.0.0.1', '10.0.0.2', false],
    ['localhost', '127.0.0.1', false],
    ['127.0.0.1', 'localhost', false],
  ] as const)('%s vs %s → %s', (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
  });
});
