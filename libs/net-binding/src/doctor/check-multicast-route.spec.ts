import { checkMulticastRoute, type RouteTableSources } from './check-multicast-route';

const HEADER = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
const row = (iface: string, destination: string, flags: string, mask: string): string =>
  `${iface}\t${destination}\t00000000\t${flags}\t0\t0\t0\t${mask}\t0\t0\t0`;

function linux(proc: string | null, ip: string | null = null): RouteTableSources {
  return { platform: 'linux', readProcNetRoute: () => proc, readIpRoute: () => ip };
}

describe('checkMulticastRoute', () => {
  it('passes with a 224.0.0.0/4 route on the interface (little-endian hex)', () => {
    const table = [HEADER, row('eth0', '0001A8C0', '0001', '00FFFFFF'), row('eth0', '000000E0', '0001', '000000F0')].join('\n');
    const check = checkMulticastRoute('eth0', linux(table));
    expect(check.status).toBe('ok');
    expect(check.summary).toContain('224.0.0.0/4');
  });

  it('passes with a default route on the interface', () => {
    const table = [HEADER, row('wlan0', '00000000', '0003', '00000000')].join('\n');
    expect(checkMulticastRoute('wlan0', linux(table))).toMatchObject({ status: 'ok', summary: expect.stringContaining('default route') });
  });

  it('fails, naming the missing route and the fix, when only a subnet route is there', () => {
    const table = [HEADER, row('v-lsa', '0001A8C0', '0001', '00FFFFFF'), row('eth1', '00000000', '0003', '00000000')].join('\n');
    const check = checkMulticastRoute('v-lsa', linux(table));
    expect(check.status).toBe('fail');
    expect(check.summary).toBe('no 224.0.0.0/4 route and no default route on v-lsa; multicast goes out of eth1 instead');
    expect(check.hint).toBe('add one: sudo ip route add 224.0.0.0/4 dev v-lsa');
  });

  it('ignores routes that are not up and routes narrower than /4', () => {
    const down = row('eth0', '000000E0', '0000', '000000F0');
    const narrow = row('eth0', '000000E0', '0001', '000000FF');
    expect(checkMulticastRoute('eth0', linux([HEADER, down, narrow].join('\n'))).status).toBe('fail');
  });

  it('reads big-endian tables in the kernel order', () => {
    const table = [HEADER, row('eth0', 'E0000000', '0001', 'F0000000')].join('\n');
    expect(checkMulticastRoute('eth0', { ...linux(table), endianness: 'BE' }).status).toBe('ok');
  });

  it('falls back to `ip route` output when /proc/net/route cannot be read', () => {
    expect(checkMulticastRoute('eth0', linux(null, 'multicast 224.0.0.0/4 dev eth0 proto static scope link\n')).status).toBe('ok');
    expect(checkMulticastRoute('eth0', linux(null, 'default via 10.0.0.1 dev eth0 proto dhcp metric 100\n')).status).toBe('ok');
    expect(checkMulticastRoute('eth0', linux(null, '10.0.0.0/24 dev eth0 scope link\n')).status).toBe('fail');
    expect(checkMulticastRoute('eth0', linux(null, 'blackhole 224.0.0.0/4 dev eth0\n')).status).toBe('fail');
  });

  it('warns when no routing table can be read, and says how to check', () => {
    const check = checkMulticastRoute('eth0', linux(null, null));
    expect(check.status).toBe('warn');
    expect(check.hint).toContain('ip route get 224.0.0.251');
  });

  it('says "not checked" on other systems', () => {
    const check = checkMulticastRoute('en0', { platform: 'darwin', readProcNetRoute: () => null, readIpRoute: () => null });
    expect(check).toMatchObject({ status: 'ok', summary: 'multicast route not checked on darwin (Linux only)' });
  });

  it('warns when the bind address has no interface', () => {
    expect(checkMulticastRoute(null, linux('')).status).toBe('warn');
  });

  it('skips garbage lines', () => {
    const table = [HEADER, 'garbage', row('eth0', 'zz', '0001', '000000F0'), row('eth0', '000000E0', '0001', '000000F0')].join('\n');
    expect(checkMulticastRoute('eth0', linux(table)).status).toBe('ok');
  });
});
