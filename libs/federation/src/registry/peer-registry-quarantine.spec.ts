import { asModelId, asPeerId, parsePeerStatus, type ClientResult, type HealthReport } from '@local-swarm/federation-protocol';
import { PeerRegistry } from './peer-registry';

const T0 = Date.parse('2025-06-01T12:00:00.000Z');

const healthy: ClientResult<HealthReport> = {
  ok: true,
  value: { nodeId: asPeerId('a'), modelId: asModelId('m'), instances: 2, load: null, rttMs: 1 },
};

function setup() {
  let now = T0;
  const registry = new PeerRegistry({ now: () => now });
  const transitions: string[] = [];
  registry.on('peer-changed', ({ from, to }) => transitions.push(`${from}->${to}`));
  registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '192.168.1.20', port: 17615, modelId: 'm', instances: 2, lastSeen: T0 });
  registry.recordHealth('a', healthy);
  return { registry, transitions, advance: (ms: number) => (now += ms) };
}

describe('PeerRegistry quarantine', () => {
  it('quarantines a peer at its third violation: not healthy, listed with the reason', () => {
    const { registry, transitions } = setup();
    registry.recordViolation('a', 'sent 40 candidates, 2 asked');
    registry.recordViolation('a', 'sent 40 candidates, 2 asked');
    expect(registry.healthy().map((peer) => peer.nodeId)).toEqual(['a']);
    registry.recordViolation('a', 'sent 40 candidates, 2 asked');
    expect(registry.healthy()).toEqual([]);
    const [listed] = registry.list();
    expect(listed).toMatchObject({ status: 'quarantined', reason: expect.stringMatching(/^quarantined for 30 s until .*last: sent 40 candidates, 2 asked$/) });
    expect(parsePeerStatus(listed).ok).toBe(true);
    expect(transitions).toEqual(['unhealthy->healthy', 'healthy->quarantined']);
  });

  it('keeps it quarantined through good health checks and mDNS announcements until the back-off has passed', () => {
    const { registry, transitions, advance } = setup();
    for (let count = 0; count < 3; count += 1) registry.recordViolation('a', 'bad reply');
    advance(29_000);
    registry.recordHealth('a', healthy);
    registry.markExpired('a');
    registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '192.168.1.20', port: 17615, modelId: 'm', instances: 2, lastSeen: T0 });
    registry.recordHealth('a', healthy);
    expect(registry.get('a')?.status).toBe('quarantined');
    advance(1000);
    registry.recordHealth('a', healthy);
    expect(registry.get('a')?.status).toBe('healthy');
    expect(registry.list()[0]?.reason).toBeNull();
    expect(transitions).toEqual(['unhealthy->healthy', 'healthy->quarantined', 'quarantined->expired', 'expired->unhealthy', 'unhealthy->quarantined', 'quarantined->healthy']);
  });

  it('quarantines a repeat offender twice as long', () => {
    const { registry, advance } = setup();
    for (let count = 0; count < 3; count += 1) registry.recordViolation('a', 'bad reply');
    advance(30_000);
    registry.recordHealth('a', healthy);
    for (let count = 0; count < 3; count += 1) registry.recordViolation('a', 'bad reply');
    expect(registry.list()[0]?.reason).toMatch(/^quarantined for 60 s /);
  });

  it('ignores violations of unknown peers', () => {
    expect(new PeerRegistry().recordViolation('nobody', 'x')).toBeNull();
  });
});
