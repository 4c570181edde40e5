import { fakeDoctorProbes } from '../testing/fake-doctor-probes';
import { runDoctorCommand } from './run-doctor-command';

async function run(argv: readonly string[], probes = fakeDoctorProbes()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDoctorCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) }, () => probes);
  return { code, out, err };
}

describe('local-swarm doctor', () => {
  it('prints one line per check, details and hints indented, then the counts; exit 0 when all pass', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('local-swarm doctor: 10.0.0.2 on eth0');
    expect(lines[1]).toBe('OK    interfaces: 2 interfaces, 1 up with a LAN address');
    expect(lines[2]).toBe('      - lo: 127.0.0.1 (loopback); up, running');
    expect(out).toContain('OK    multicast-route: multicast leaves through eth0 (a 224.0.0.0/4 route)\n');
    expect(out).toContain('OK    service: "local-swarm on box" (node node-b, v0.1.0) at 10.0.0.7:17615: would be a peer\n');
    expect(lines.at(-1)).toBe('0 FAIL, 0 WARN, 6 OK');
  });

  it('prints FAIL with the fix and exits 1 when the multicast route is missing', async () => {
    const probes = fakeDoctorProbes({ routes: { platform: 'linux', readProcNetRoute: () => 'Iface\n', readIpRoute: () => null } });
    const { code, out } = await run(['--host', '10.0.0.2'], probes);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  multicast-route: no 224.0.0.0/4 route and no default route on eth0\n');
    expect(out).toContain('      hint: add one: sudo ip route add 224.0.0.0/4 dev eth0\n');
  });

  it('prints the causes when nothing is visible', async () => {
    const { out } = await run([], fakeDoctorProbes({}, { services: [] }));
    expect(out).toContain('WARN  visible-services: no other Local Swarm node seen on eth0\n');
    expect(out).toContain('      - Wi-Fi client isolation');
  });

  it('--json prints a machine-readable report with the same exit code', async () => {
    const { code, out } = await run(['--json'], fakeDoctorProbes({}, { probeSeen: false }));
    expect(code).toBe(1);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json).toMatchObject({ ok: false, exit_code: 1, interface: 'eth0', address: '10.0.0.2' });
    expect(json['interfaces']).toContainEqual({ name: 'eth0', up: true, running: true, addresses: [{ address: '10.0.0.2', family: 'IPv4', class: 'private' }] });
    expect(json['checks']).toContainEqual(expect.objectContaining({ id: 'self-announcement', status: 'fail', hint: expect.any(String), details: [] }));
  });

  it('exits 2 with the message on stderr for a bad flag, running no check', async () => {
    const survey = jest.fn();
    const { code, out, err } = await run(['--timeout-ms', 'soon'], fakeDoctorProbes({ survey }));
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe('local-swarm doctor: --timeout-ms must be an integer from 1500 to 60000, got "soon"\n');
    expect(survey).not.toHaveBeenCalled();
  });

  it('prints its help and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: local-swarm doctor [options]');
  });
});
