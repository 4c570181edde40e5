import type { NetworkInterfaceInfo } from 'node:os';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { isThisMachineAddress } from './is-this-machine-address';

const entry = (address: string, family: 'IPv4' | 'IPv6'): NetworkInterfaceInfo =>
  family === 'IPv4'
    ? { address, family, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', internal: false, cidr: `${address}/24` }
    : { address, family, netmask: 'ffff:ffff:ffff:ffff::', mac: '02:00:00:00:00:01', internal: false, cidr: `${address}/64`, scopeid: 0 };
const TABLE: NetworkInterfaceTable = { eth0: [entry('192.168.1.5', 'IPv4'), entry('fd00::5', 'IPv6')], wlan0: undefined };

describe('isThisMachineAddress', () => {
  it('holds loopback addresses, however spelled', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].map((ip) => isThisMachineAddress(ip, TABLE))).toEqual([true, true, true, true]);
  });

  it("holds this machine's own interface addresses (a LAN-bound node reached from this machine)", () => {
    expect(['192.168.1.5', '::ffff:192.168.1.5', 'fd00::5', 'FD00::5'].map((ip) => isThisMachineAddress(ip, TABLE))).toEqual([true, true, true, true]);
  });

  it('refuses every other address, and anything that is not an IP literal', () => {
    expect(['192.168.1.6', 'fd00::6', '10.0.0.5', '', 'localhost'].map((ip) => isThisMachineAddress(ip, TABLE))).toEqual([false, false, false, false, false]);
  });
});
