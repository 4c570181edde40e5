import { assessService } from './assess-service';
import type { HealthProbe } from './health-probe';
import type { SeenService } from './seen-service';
import type { ServiceAssessmentContext } from './service-assessment-context';

const NOW = Date.parse('2026-12-07T10:00:00Z');

function seen(entries: Readonly<Record<string, string>>, extra: Partial<SeenService> = {}): SeenService {
  return {
    instanceName: 'Box',
    port: 17615,
    host: 'box.local',
    addresses: ['10.0.0.7'],
    txt: Object.entries(entries).map(([key, value]) => Buffer.from(`${key}=${value}`)),
    sourceAddress: '10.0.0.7',
    ...extra,
  };
}

const good = { node_id: 'node-b', api_port: '17615', protocol: '1', version: '0.1.0' };
const healthy: HealthProbe = () => Promise.resolve({ reachable: true, status: 200, date: new Date(NOW).toUTCString() });

function context(overrides: Partial<ServiceAssessmentContext> = {}): ServiceAssessmentContext {
  return { ownProtocol: 1, ownKeyId: null, blockReasons: [], checkHealth: healthy, healthTimeoutMs: 1000, now: () => NOW, ...overrides };
}

describe('assessService', () => {
  it('would be a peer: TXT valid, same protocol, health answers, clocks agree', async () => {
    const check = await assessService(seen(good), context());
    expect(check).toMatchObject({ status: 'ok', summary: '"Box" (node node-b, v0.1.0) at 10.0.0.7:17615: would be a peer' });
  });

  it('fails a bad TXT with the validation reason', async () => {
    const check = await assessService(seen({ api_port: '17615' }), context());
    expect(check).toMatchObject({ status: 'fail', summary: '"Box": would not be a peer: bad TXT record (missing node_id)' });
    const badPort = await assessService(seen({ node_id: 'x', api_port: '99999' }), context());
    expect(badPort.summary).toContain('api_port is not a port number');
  });

  it('fails a protocol version mismatch', async () => {
    const check = await assessService(seen({ ...good, protocol: '2' }), context());
    expect(check.status).toBe('fail');
    expect(check.summary).toContain('protocol 2, this node speaks 1');
  });

  it('fails an unreachable service, and a health reply that is not 200', async () => {
    const down: HealthProbe = () => Promise.resolve({ reachable: false, reason: 'connect ECONNREFUSED 10.0.0.7:17615' });
    const check = await assessService(seen(good), context({ checkHealth: down }));
    expect(check.status).toBe('fail');
    expect(check.summary).toContain('unreachable (connect ECONNREFUSED 10.0.0.7:17615)');
    expect(check.hint).toContain('TCP 17615');
    const forbidden: HealthProbe = () => Promise.resolve({ reachable: true, status: 403, date: null });
    expect((await assessService(seen(good), context({ checkHealth: forbidden }))).summary).toContain('HTTP 403');
  });

  it('calls health at the A address and TXT port, with the timeout; the packet source when no A was heard', async () => {
    const calls: unknown[] = [];
    const recording: HealthProbe = (address, port, timeoutMs) => {
      calls.push([address, port, timeoutMs]);
      return healthy(address, port, timeoutMs);
    };
    await assessService(seen({ ...good, api_port: '18000' }), context({ checkHealth: recording }));
    await assessService(seen(good, { addresses: [], sourceAddress: '10.0.0.8' }), context({ checkHealth: recording }));
    expect(calls).toEqual([
      ['10.0.0.7', 18000, 1000],
      ['10.0.0.8', 17615, 1000],
    ]);
  });

  it('warns beyond 30 s of clock skew, not within', async () => {
    const at = (ms: number): HealthProbe => () => Promise.resolve({ reachable: true, status: 200, date: new Date(NOW + ms).toUTCString() });
    const ahead = await assessService(seen(good), context({ checkHealth: at(95_000) }));
    expect(ahead).toMatchObject({ status: 'warn', summary: expect.stringContaining('its clock is 95 s off') });
    expect((await assessService(seen(good), context({ checkHealth: at(-20_000) }))).status).toBe('ok');
    const noDate: HealthProbe = () => Promise.resolve({ reachable: true, status: 200, date: null });
    expect((await assessService(seen(good), context({ checkHealth: noDate }))).status).toBe('ok');
  });

  it('names another swarm and its block reasons only when key_id differs from ours', async () => {
    const blocked = () => 'key not paired with this node';
    const other = await assessService(seen({ ...good, key_id: 'theirs' }), context({ ownKeyId: 'ours', blockReasons: [blocked, () => null] }));
    expect(other).toMatchObject({ status: 'warn', summary: expect.stringContaining('other swarm (key_id theirs, ours ours)') });
    expect(other.details).toEqual(['key not paired with this node']);
    const same = await assessService(seen({ ...good, key_id: 'ours' }), context({ ownKeyId: 'ours', blockReasons: [blocked] }));
    expect(same.status).toBe('ok');
    const noKey = await assessService(seen(good), context({ ownKeyId: 'ours', blockReasons: [blocked] }));
    expect(noKey.status).toBe('ok');
  });

  it('warns about a swarm this machine has not joined, naming how to join', async () => {
    const result = await assessService(seen({ ...good, key_id: 'theirs' }), context({ ownKeyId: null }));
    expect(result).toMatchObject({ status: 'warn', summary: expect.stringMatching(/swarm \(key_id theirs\) this machine has not joined.*--join/) });
  });

  it('warns about an open node (unsealed protocol) seen by a paired one: seen, never asked', async () => {
    const paired = { ownProtocol: 2, openProtocol: 1, ownKeyId: 'ours' };
    const open = await assessService(seen(good), context(paired));
    expect(open).toMatchObject({ status: 'warn', summary: expect.stringContaining('open federation') });
    const member = await assessService(seen({ ...good, protocol: '2', key_id: 'ours' }), context(paired));
    expect(member.status).toBe('ok');
    const unknown = await assessService(seen({ ...good, protocol: '7' }), context(paired));
    expect(unknown.status).toBe('fail');
  });

  it('names a blocked node as blocked, with the command that unblocks it, and never probes it', async () => {
    const probe = jest.fn(healthy);
    const blocked = await assessService(seen(good), context({ isBlocked: (nodeId) => nodeId === 'node-b', checkHealth: probe }));
    expect(blocked).toMatchObject({
      status: 'warn',
      summary: '"Box" (node node-b, v0.1.0) at 10.0.0.7:17615: not a peer: blocked (this machine\'s block list refuses it)',
      hint: 'if that is your machine: local-swarm peers unblock node-b',
    });
    expect(probe).not.toHaveBeenCalled();
    const other = await assessService(seen(good), context({ isBlocked: (nodeId) => nodeId === 'node-x' }));
    expect(other.status).toBe('ok');
  });

  it('warns when the TXT or SRV record was not heard yet', async () => {
    expect((await assessService(seen(good, { txt: null }), context())).summary).toContain('TXT record was not heard');
    expect((await assessService(seen(good, { port: null }), context())).summary).toContain('SRV record was not heard');
  });
});

describe('assessService with a probe that throws', () => {
  it('reports the service as unreachable instead of failing the report', async () => {
    const throwing: HealthProbe = () => Promise.reject(new Error('probe bug'));
    const check = await assessService(seen(good), context({ checkHealth: throwing }));
    expect(check.summary).toContain('unreachable (probe bug)');
  });
});
