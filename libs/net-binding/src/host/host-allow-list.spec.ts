import type { NetworkInterfaceInfo } from 'node:os';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { HostAllowList } from './host-allow-list';

function ipv4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` };
}

function ipv6(address: string): NetworkInterfaceInfo {
  return { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/64`, scopeid: 0 };
}

const INTERFACES: NetworkInterfaceTable = {
  lo: [ipv4('127.0.0.1', true)],
  eth0: [ipv4('192.168.1.5'), ipv6('fd00::5')],
  tailscale0: [ipv4('100.101.1.2')],
};

describe('HostAllowList', () => {
  let reads: number;
  const list = new HostAllowList({
    allowedHosts: ['Swarm.Example.Com', '203.0.113.7'],
    machineHostname: 'Studio',
    interfaces: () => {
      reads += 1;
      return INTERFACES;
    },
  });

  beforeEach(() => {
    reads = 0;
  });

  it.each([
    'localhost',
    'localhost:17615',
    'LOCALHOST:80',
    'app.localhost:17615',
    'studio:17615',
    'STUDIO.local',
    'printer.local',
    'swarm.example.com',
    'swarm.example.com.:443',
    '127.0.0.1:17615',
    '127.8.9.10',
    '[::1]:17615',
    '192.168.1.5:17615',
    '100.101.1.2',
    '[fd00::5]:17615',
    '[FD00::5]',
    '203.0.113.7:8080',
  ])('allows %s', (host) => {
    expect(list.allows(host)).toBe(true);
  });

  it.each([
    ['a rebinding name', 'rebind.example:17615'],
    ['a look-alike of an allowed name', 'swarm.example.com.evil.test'],
    ['a suffix trick', 'evillocalhost'],
    ['a name ending in "local" without the dot', 'notlocal'],
    ['another LAN address', '192.168.1.6:17615'],
    ['the unspecified address', '0.0.0.0:17615'],
    ['a public address', '8.8.8.8'],
    ['a decimal IPv4', '3232235781'],
    ['a missing Host', undefined],
    ['an empty Host', ''],
    ['userinfo', 'localhost@rebind.example'],
    ['a path', 'localhost/x'],
    ['a bare IPv6', '::1'],
  ])('refuses %s (%j)', (_label, host) => {
    expect(list.allows(host)).toBe(false);
  });

  it('allows the address the connection arrived on, even when the interface table lacks it', () => {
    expect(list.allows('10.9.9.9:17615', '10.9.9.9')).toBe(true);
    expect(list.allows('10.9.9.9:17615', '::ffff:10.9.9.9')).toBe(true);
    expect(list.allows('10.9.9.9:17615', '10.9.9.8')).toBe(false);
  });

  it('reads the interfaces only for an IP literal it cannot decide otherwise', () => {
    list.allows('localhost');
    list.allows('127.0.0.1');
    list.allows('10.9.9.9', '10.9.9.9');
    expect(reads).toBe(0);
    list.allows('192.168.1.5');
    expect(reads).toBe(1);
  });

  it('uses os.hostname() and os.networkInterfaces() by default', () => {
    const plain = new HostAllowList();
    expect(plain.allows('localhost:1')).toBe(true);
    expect(plain.allows('rebind.example')).toBe(false);
  });
});
