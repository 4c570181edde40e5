import type { NetworkInterfaceInfo } from 'node:os';
import { checkBindAddress } from './check-bind-address';
import { parseInterfaceFlags } from './describe-interfaces';
import type { InterfaceFlagsReader } from './interface-report';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` };
}

const lo = [v4('127.0.0.1', true)];
const allUp: InterfaceFlagsReader = () => ({ up: true, running: true });
const unknown: InterfaceFlagsReader = () => null;

describe('checkBindAddress', () => {
  it('lists every interface with its address classes and state, and the automatic choice', () => {
    const report = checkBindAddress({
      requestedHost: null,
      interfaces: { lo, eth0: [v4('192.168.1.20')], tailscale0: [v4('100.70.0.3')] },
      readFlags: allUp,
    });
    const [interfaces, bind] = report.checks;
    expect(interfaces?.status).toBe('ok');
    expect(interfaces?.details).toEqual([
      'lo: 127.0.0.1 (loopback); up, running',
      'eth0: 192.168.1.20 (private); up, running',
      'tailscale0: 100.70.0.3 (cgnat); up, running',
    ]);
    expect(bind).toMatchObject({ id: 'bind-address', status: 'ok', summary: 'would bind 192.168.1.20 on eth0 (private)' });
    expect(report.choice?.interfaceName).toBe('eth0');
  });

  it('warns when only loopback is left', () => {
    const report = checkBindAddress({ requestedHost: null, interfaces: { lo }, readFlags: unknown });
    expect(report.checks.map((check) => check.status)).toEqual(['warn', 'warn']);
    expect(report.checks[0]?.details).toEqual(['lo: 127.0.0.1 (loopback); state unknown']);
  });

  it('warns for a requested loopback host without repeating the reason', () => {
    const report = checkBindAddress({ requestedHost: '127.0.0.1', interfaces: { lo, eth0: [v4('10.0.0.4')] }, readFlags: allUp });
    expect(report.checks[1]).toMatchObject({ status: 'warn', summary: expect.stringContaining('loopback'), details: [] });
  });

  it('fails when the chosen interface is down or has no carrier', () => {
    const interfaces = { lo, eth0: [v4('10.0.0.4')] };
    const down = checkBindAddress({ requestedHost: null, interfaces, readFlags: () => ({ up: false, running: false }) });
    expect(down.checks[1]).toMatchObject({ status: 'fail', hint: expect.stringContaining('ip link set eth0 up') });
    const noCarrier = checkBindAddress({ requestedHost: null, interfaces, readFlags: () => ({ up: true, running: false }) });
    expect(noCarrier.checks[1]?.summary).toContain('without carrier');
  });

  it('fails with the node\'s own message for a --host that is not on this machine', () => {
    const report = checkBindAddress({ requestedHost: '192.168.9.9', interfaces: { lo, eth0: [v4('192.168.1.20')] }, readFlags: allUp });
    expect(report.choice).toBeNull();
    expect(report.checks[1]?.status).toBe('fail');
    expect(report.checks[1]?.summary).toContain('192.168.9.9');
  });

  it('honours a --host on the machine', () => {
    const report = checkBindAddress({ requestedHost: '10.1.2.3', interfaces: { lo, eth0: [v4('192.168.1.20')], eth1: [v4('10.1.2.3')] }, readFlags: allUp });
    expect(report.choice?.interfaceName).toBe('eth1');
  });
});

describe('parseInterfaceFlags', () => {
  it('reads IFF_UP from /sys/class/net/<name>/flags and the carrier from its carrier file', () => {
    expect(parseInterfaceFlags('0x1003\n', '1\n')).toEqual({ up: true, running: true });
    expect(parseInterfaceFlags('0x1003', '0')).toEqual({ up: true, running: false });
    // sysfs flags never carry IFF_RUNNING (0x40): the carrier file decides, unknown without it.
    expect(parseInterfaceFlags('0x9')).toEqual({ up: true, running: null });
    expect(parseInterfaceFlags('0x1002', null)).toEqual({ up: false, running: null });
    expect(parseInterfaceFlags('garbage')).toBeNull();
    expect(parseInterfaceFlags(null)).toBeNull();
  });
});
