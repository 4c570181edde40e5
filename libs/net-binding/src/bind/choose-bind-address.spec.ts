import type { NetworkInterfaceInfo } from 'node:os';
import { NetBindingErrorCode } from '../errors/net-binding-error';
import type { BindChoice, BindResult, NetworkInterfaceTable } from './bind-choice';
import { chooseBindAddress } from './choose-bind-address';
import { interfaceNameForAddress } from './interface-name-for-address';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` };
}

function v6(address: string, scopeid = 0, internal = false): NetworkInterfaceInfo {
  return { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal, cidr: `${address}/64`, scopeid };
}

const lo: NetworkInterfaceInfo[] = [v4('127.0.0.1', true), v6('::1', 0, true)];

function choiceOf(result: BindResult): BindChoice {
  if (!result.ok) throw new Error(`expected a choice, got ${result.error.code}: ${result.error.message}`);
  return result.choice;
}

describe('chooseBindAddress, automatic', () => {
  const table: readonly (readonly [title: string, interfaces: NetworkInterfaceTable, address: string, name: string | null])[] = [
    ['LAN address', { lo, en0: [v6('fe80::1', 4), v4('192.168.1.20')] }, '192.168.1.20', 'en0'],
    ['first private of several, in interface order', { lo, eth0: [v4('10.0.0.5')], eth1: [v4('172.16.3.4')] }, '10.0.0.5', 'eth0'],
    ['private before CGNAT', { lo, tailscale0: [v4('100.101.1.2')], eth0: [v4('192.168.0.9')] }, '192.168.0.9', 'eth0'],
    ['CGNAT when no private', { lo, eth0: [v4('203.0.113.5')], tailscale0: [v4('100.64.0.1')] }, '100.64.0.1', 'tailscale0'],
    ['LAN before docker bridge listed first', { lo, docker0: [v4('172.17.0.1')], eth0: [v4('192.168.1.7')] }, '192.168.1.7', 'eth0'],
    ['tailnet before docker bridge', { lo, docker0: [v4('172.17.0.1')], tailscale0: [v4('100.80.0.2')] }, '100.80.0.2', 'tailscale0'],
    ['docker bridge beats loopback', { lo, docker0: [v4('172.17.0.1')] }, '172.17.0.1', 'docker0'],
    ['netns veth as in the multi-node tests', { lo, 'v-lsa': [v4('10.77.0.1')] }, '10.77.0.1', 'v-lsa'],
    ['public only → loopback', { lo, eth0: [v4('8.8.4.4')] }, '127.0.0.1', 'lo'],
    ['documentation only → loopback', { lo, eth0: [v4('192.0.2.2'), v6('fd00::2')] }, '127.0.0.1', 'lo'],
    ['IPv6 ULA is not chosen (IPv4 only)', { lo, eth0: [v6('fd00::5')] }, '127.0.0.1', 'lo'],
    ['link-local IPv4 is not chosen', { lo, eth0: [v4('169.254.3.3')] }, '127.0.0.1', 'lo'],
    ['internal private address skipped', { lo, dummy: [v4('10.9.9.9', true)] }, '127.0.0.1', 'lo'],
    ['empty table → loopback, no interface name', {}, '127.0.0.1', null],
    ['undefined entries tolerated', { lo, ghost: undefined, eth0: [v4('10.1.1.1')] }, '10.1.1.1', 'eth0'],
  ];

  it.each(table)('%s', (_title, interfaces, address, name) => {
    const choice = choiceOf(chooseBindAddress({ interfaces }));
    expect(choice.address).toBe(address);
    expect(choice.interfaceName).toBe(name);
    expect(choice.reason.length).toBeGreaterThan(0);
    expect(choice.address).not.toBe('0.0.0.0');
  });

  it('explains a private choice without warning', () => {
    const choice = choiceOf(chooseBindAddress({ interfaces: { lo, en0: [v4('192.168.1.20')], utun3: [v4('100.90.0.1')] } }));
    expect(choice).toEqual({
      address: '192.168.1.20',
      addressClass: 'private',
      interfaceName: 'en0',
      reason: 'first private (RFC 1918) IPv4 address of an up interface: 192.168.1.20 on en0; also seen: 100.90.0.1 on utun3',
      warning: null,
    });
  });

  it('warns when it falls back to loopback', () => {
    const choice = choiceOf(chooseBindAddress({ interfaces: { lo } }));
    expect(choice.addressClass).toBe('loopback');
    expect(choice.reason).toMatch(/no private or CGNAT/);
    expect(choice.warning).toMatch(/127\.0\.0\.1 only/);
  });

  it('treats a null requestedHost as automatic', () => {
    expect(choiceOf(chooseBindAddress({ requestedHost: null, interfaces: { lo, eth0: [v4('10.0.0.2')] } })).address).toBe('10.0.0.2');
  });

  it('reads os.networkInterfaces() by default', () => {
    const result = chooseBindAddress();
    expect(result.ok).toBe(true);
  });
});

describe('chooseBindAddress, requested host', () => {
  const interfaces: NetworkInterfaceTable = {
    lo,
    eth0: [v4('192.168.1.20'), v6('fe80::a:b:c:d', 2), v6('fd00::20')],
    tailscale0: [v4('100.64.1.1')],
    wan0: [v4('81.2.69.160')],
  };

  it.each([
    ['192.168.1.20', '192.168.1.20', 'eth0', 'private'],
    ['::ffff:192.168.1.20', '192.168.1.20', 'eth0', 'private'],
    ['FD00::20', 'fd00::20', 'eth0', 'private'],
    ['100.64.1.1', '100.64.1.1', 'tailscale0', 'cgnat'],
    ['fe80::a:b:c:d', 'fe80::a:b:c:d%eth0', 'eth0', 'link_local'],
    ['fe80::a:b:c:d%eth0', 'fe80::a:b:c:d%eth0', 'eth0', 'link_local'],
    ['fe80::a:b:c:d%2', 'fe80::a:b:c:d%eth0', 'eth0', 'link_local'],
    ['127.0.0.1', '127.0.0.1', 'lo', 'loopback'],
    ['::1', '::1', 'lo', 'loopback'],
    [' 192.168.1.20 ', '192.168.1.20', 'eth0', 'private'],
  ] as const)('honours %s without warning', (requestedHost, address, name, addressClass) => {
    const choice = choiceOf(chooseBindAddress({ requestedHost, interfaces }));
    expect(choice).toMatchObject({ address, interfaceName: name, addressClass, warning: null });
    expect(choice.reason).toContain('requested host');
  });

  it('honours other loopback addresses not listed in the table', () => {
    const choice = choiceOf(chooseBindAddress({ requestedHost: '127.0.0.2', interfaces }));
    expect(choice).toMatchObject({ address: '127.0.0.2', interfaceName: null, warning: null });
  });

  it.each(['0.0.0.0', '::'])('honours %s only explicitly, with a loud warning', (requestedHost) => {
    const choice = choiceOf(chooseBindAddress({ requestedHost, interfaces }));
    expect(choice.address).toBe(requestedHost);
    expect(choice.addressClass).toBe('unspecified');
    expect(choice.interfaceName).toBeNull();
    expect(choice.warning).toMatch(/LISTENING ON ALL INTERFACES/);
  });

  it('honours a public address of an interface, with a warning', () => {
    const choice = choiceOf(chooseBindAddress({ requestedHost: '81.2.69.160', interfaces }));
    expect(choice).toMatchObject({ address: '81.2.69.160', interfaceName: 'wan0', addressClass: 'public' });
    expect(choice.warning).toMatch(/public address/);
  });

  it.each(['10.0.0.99', '8.8.8.8', '224.0.0.251', 'fe80::a:b:c:d%wan0', '2001:db8::1'])(
    'returns NET_BINDING_ERR_ADDRESS_NOT_LOCAL for %s',
    (requestedHost) => {
      const result = chooseBindAddress({ requestedHost, interfaces });
      expect(result).toEqual({
        ok: false,
        error: { code: NetBindingErrorCode.ADDRESS_NOT_LOCAL, message: expect.stringContaining(requestedHost) },
      });
      if (!result.ok) expect(result.error.message).toContain('192.168.1.20');
    },
  );

  it.each(['localhost', 'my-mac.local', '', '300.1.1.1'])('returns NET_BINDING_ERR_INVALID_ADDRESS for %j', (requestedHost) => {
    const result = chooseBindAddress({ requestedHost, interfaces });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NET_BINDING_ERR_INVALID_ADDRESS');
      expect(result.error.message).toContain(JSON.stringify(requestedHost));
    }
  });
});

describe('interfaceNameForAddress', () => {
  const interfaces: NetworkInterfaceTable = {
    lo,
    en0: [v4('192.168.1.20'), v6('fe80::1', 4)],
    en1: [v6('fe80::1', 5)],
  };

  it.each([
    ['192.168.1.20', 'en0'],
    ['::ffff:192.168.1.20', 'en0'],
    ['::ffff:c0a8:114', 'en0'],
    ['127.0.0.1', 'lo'],
    ['::1', 'lo'],
    ['fe80::1', 'en0'],
    ['fe80::1%en1', 'en1'],
    ['fe80::1%5', 'en1'],
    ['192.168.1.21', null],
    ['0.0.0.0', null],
    ['nonsense', null],
  ] as const)('%s → %s', (address, name) => {
    expect(interfaceNameForAddress(address, interfaces)).toBe(name);
  });
});
