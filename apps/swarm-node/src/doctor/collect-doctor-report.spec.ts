import type { MdnsSurveyOptions } from '@local-swarm/discovery';
import { fakeDoctorProbes, NOW, PEER } from '../testing/fake-doctor-probes';
import { collectDoctorReport } from './collect-doctor-report';
import type { DoctorOptions } from './doctor-options';
import { doctorExitCode } from './doctor-report';

const options: DoctorOptions = { host: null, port: 17615, timeoutMs: 3000, json: false, configDir: null, swarmKeyFile: null };
const statuses = (checks: readonly { id: string; status: string }[]): string[] => checks.map((check) => `${check.id} ${check.status}`);

describe('collectDoctorReport', () => {
  it('runs every check in order on a healthy host and exits 0', async () => {
    const report = await collectDoctorReport(options, fakeDoctorProbes());
    expect(statuses(report.checks)).toEqual([
      'interfaces ok',
      'bind-address ok',
      'multicast-route ok',
      'self-announcement ok',
      'visible-services ok',
      'service ok',
    ]);
    expect(report).toMatchObject({ interfaceName: 'eth0', address: '10.0.0.2' });
    expect(doctorExitCode(report)).toBe(0);
  });

  it('surveys the chosen interface with a probe of its own node id, the port and the timeout', async () => {
    const seen: MdnsSurveyOptions[] = [];
    const survey = (given: MdnsSurveyOptions) => {
      seen.push(given);
      return Promise.resolve({ probeSeen: true, advertiseError: null, browseError: null, services: [] });
    };
    await collectDoctorReport({ ...options, port: 18000, timeoutMs: 2000 }, fakeDoctorProbes({ survey }));
    expect(seen).toEqual([
      expect.objectContaining({ interfaceName: 'eth0', address: '10.0.0.2', timeoutMs: 2000, probe: expect.objectContaining({ nodeId: 'doctor-probe-test', apiPort: 18000, protocol: 2 }) }),
    ]);
  });

  it('exits 1 when the multicast route is missing, and when the probe is not heard back', async () => {
    const noRoute = fakeDoctorProbes({ routes: { platform: 'linux', readProcNetRoute: () => 'Iface\n', readIpRoute: () => null } });
    expect(doctorExitCode(await collectDoctorReport(options, noRoute))).toBe(1);
    const deaf = await collectDoctorReport(options, fakeDoctorProbes({}, { probeSeen: false, services: [] }));
    expect(statuses(deaf.checks).slice(3)).toEqual(['self-announcement fail', 'visible-services warn']);
    expect(doctorExitCode(deaf)).toBe(1);
  });

  it('exits 1 for an unreachable peer and for one speaking another protocol; 0 with a clock warning', async () => {
    const down = fakeDoctorProbes({ checkHealth: () => Promise.resolve({ reachable: false, reason: 'connect ECONNREFUSED' }) });
    expect(doctorExitCode(await collectDoctorReport(options, down))).toBe(1);
    const other = { ...PEER, txt: ['node_id=n', 'api_port=17615', 'protocol=7'].map((entry) => Buffer.from(entry)) };
    expect(doctorExitCode(await collectDoctorReport(options, fakeDoctorProbes({}, { services: [other] })))).toBe(1);
    const skewed = fakeDoctorProbes({ checkHealth: () => Promise.resolve({ reachable: true, status: 200, date: new Date(NOW - 120_000).toUTCString() }) });
    const report = await collectDoctorReport(options, skewed);
    expect(statuses(report.checks).at(-1)).toBe('service warn');
    expect(doctorExitCode(report)).toBe(0);
  });

  it("names a service whose node id is on this machine's block list as blocked, with the command that unblocks it", async () => {
    const probes = fakeDoctorProbes({ blockList: { isBlocked: (nodeId) => nodeId === 'node-b', problem: null } });
    const service = (await collectDoctorReport(options, probes)).checks.at(-1);
    expect(service).toMatchObject({ id: 'service', status: 'warn', summary: expect.stringContaining('(node node-b, v0.1.0) at 10.0.0.7:17615: not a peer: blocked') });
    expect(service?.hint).toContain('local-swarm peers unblock node-b');
  });

  it('fails a block list the node could not read (it would not start), with or without a LAN', async () => {
    const blockList = { isBlocked: () => false, problem: '/cfg/blocked.json must hold {"blocked": ["<node id>", ...]}' };
    const report = await collectDoctorReport(options, fakeDoctorProbes({ blockList }));
    expect(report.checks.at(-1)).toMatchObject({ id: 'block-list', status: 'fail', summary: `the node would not start: ${blockList.problem}` });
    expect(doctorExitCode(report)).toBe(1);
    const offline = await collectDoctorReport(options, fakeDoctorProbes({ interfaces: () => ({ lo: [] }), blockList }));
    expect(statuses(offline.checks).at(-1)).toBe('block-list fail');
  });

  it('skips mDNS and fails when the node would not be on a LAN interface', async () => {
    const survey = jest.fn();
    const probes = fakeDoctorProbes({ interfaces: () => ({ lo: [] }), survey });
    const report = await collectDoctorReport(options, probes);
    expect(statuses(report.checks)).toEqual(['interfaces warn', 'bind-address warn', 'mdns fail']);
    expect(survey).not.toHaveBeenCalled();
  });

  it('fails a --host that is not on this machine without surveying', async () => {
    const report = await collectDoctorReport({ ...options, host: '192.168.77.1' }, fakeDoctorProbes());
    expect(statuses(report.checks)).toEqual(['interfaces ok', 'bind-address fail', 'mdns fail']);
  });
});
