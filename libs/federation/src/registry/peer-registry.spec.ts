import { asModelId, asPeerId, FederationErrorCode, parsePeerStatus, type ClientResult, type HealthReport } from '@local-swarm/federation-protocol';
import { PeerRegistry, type DiscoveredPeer, type PeerRegistryEvents } from './peer-registry';

const T0 = Date.parse('2025-06-01T12:00:00.000Z');

function ok(nodeId: string, rttMs = 3.14159): ClientResult<HealthReport> {
  return {
    ok: true,
    value: {
      nodeId: asPeerId(nodeId),
      modelId: asModelId('model-a'),
      instances: 3,
      load: { busyInstances: 1, capacity: 3, queuedRequests: 0, maxQueue: 8 },
      rttMs,
    },
  };
}

const refused: ClientResult<HealthReport> = {
  ok: false,
  error: { code: FederationErrorCode.REFUSED, message: 'connect ECONNREFUSED', cause: 'ECONNREFUSED' },
};

function discovered(nodeId: string, overrides: Partial<DiscoveredPeer> = {}): DiscoveredPeer {
  return {
    nodeId,
    name: `swarm-${nodeId}`,
    address: '192.168.1.20',
    port: 17615,
    modelId: 'model-a',
    instances: 2,
    lastSeen: new Date(T0),
    ...overrides,
  };
}

/** A registry with a fake clock and a log of every event as a short string. */
function setup(options: { unhealthyAfterFailures?: number; selfNodeId?: string } = {}) {
  let now = T0;
  const registry = new PeerRegistry({ ...options, now: () => now });
  const events: string[] = [];
  const log = <K extends keyof PeerRegistryEvents & string>(name: K, describe: (event: PeerRegistryEvents[K]) => string) =>
    registry.on(name, (event) => events.push(`${name} ${describe(event)}`));
  log('peer-added', ({ peer }) => peer.nodeId);
  log('peer-changed', ({ peer, from, to }) => `${peer.nodeId} ${from}->${to}`);
  log('peer-removed', ({ peer, reason }) => `${peer.nodeId} ${reason}`);
  log('peer-rekeyed', ({ peer, previousNodeId }) => `${previousNodeId} => ${peer.nodeId}`);
  return { registry, events, advance: (ms: number) => (now += ms) };
}

describe('PeerRegistry health transitions', () => {
  type Row = readonly [label: string, threshold: number, checks: string, status: string, failures: number, transitions: readonly string[]];
  // checks: a string of results in order, o = success, x = failure.
  const table: readonly Row[] = [
    ['new peer, unchecked', 2, '', 'unhealthy', 0, []],
    ['first success', 2, 'o', 'healthy', 0, ['unhealthy->healthy']],
    ['new peer failing', 2, 'xxx', 'unhealthy', 3, []],
    ['new peer, fail then succeed', 2, 'xo', 'healthy', 0, ['unhealthy->healthy']],
    ['one failure is tolerated', 2, 'ox', 'healthy', 1, ['unhealthy->healthy']],
    ['two failures in a row', 2, 'oxx', 'unhealthy', 2, ['unhealthy->healthy', 'healthy->unhealthy']],
    ['failures must be consecutive', 2, 'oxoxo', 'healthy', 0, ['unhealthy->healthy']],
    ['goes down and comes back', 2, 'oxxxo', 'healthy', 0, ['unhealthy->healthy', 'healthy->unhealthy', 'unhealthy->healthy']],
    ['threshold 1', 1, 'ox', 'unhealthy', 1, ['unhealthy->healthy', 'healthy->unhealthy']],
    ['threshold 3, two failures', 3, 'oxx', 'healthy', 2, ['unhealthy->healthy']],
    ['threshold 3, three failures', 3, 'oxxx', 'unhealthy', 3, ['unhealthy->healthy', 'healthy->unhealthy']],
  ];

  it.each(table)('%s (threshold %i, checks "%s") → %s, %i failures', (_label, threshold, checks, status, failures, transitions) => {
    const { registry, events } = setup({ unhealthyAfterFailures: threshold });
    registry.upsertDiscovered(discovered('a'));
    for (const check of checks) registry.recordHealth('a', check === 'o' ? ok('a') : refused);
    const peer = registry.get('a');
    expect(peer?.status).toBe(status);
    expect(peer?.failures).toBe(failures);
    expect(events.filter((event) => event.startsWith('peer-changed')).map((event) => event.split(' ')[2])).toEqual(transitions);
    expect(registry.healthy().map((p) => p.nodeId)).toEqual(status === 'healthy' ? ['a'] : []);
  });

  it('keeps the last error, the rtt and the load for balancing', () => {
    const { registry } = setup();
    registry.upsertDiscovered(discovered('a'));
    registry.recordHealth('a', ok('a', 2.5));
    expect(registry.get('a')).toMatchObject({ rttMs: 2.5, load: { busyInstances: 1, capacity: 3 }, instances: 3, lastError: null });
    registry.recordHealth('a', refused);
    expect(registry.get('a')).toMatchObject({ rttMs: 2.5, failures: 1, lastError: { code: FederationErrorCode.REFUSED } });
  });

  it('refuses a threshold below 1', () => {
    expect(() => new PeerRegistry({ unhealthyAfterFailures: 0 })).toThrow(RangeError);
  });
});

describe('PeerRegistry discovery', () => {
  it('adds, refreshes, expires and revives a discovered peer', () => {
    const { registry, events } = setup();
    registry.upsertDiscovered(discovered('a'));
    registry.recordHealth('a', ok('a'));
    registry.upsertDiscovered(discovered('a', { address: '192.168.1.21', instances: 4, lastSeen: T0 + 5000 }));
    expect(registry.get('a')).toMatchObject({ address: '192.168.1.21', baseUrl: 'http://192.168.1.21:17615', instances: 4, lastSeen: T0 + 5000, status: 'healthy' });

    expect(registry.markExpired('a')).toBe(true);
    expect(registry.markExpired('a')).toBe(false);
    expect(registry.healthy()).toEqual([]);
    // A check that was in flight when it expired changes nothing.
    registry.recordHealth('a', ok('a'));
    expect(registry.get('a')?.status).toBe('expired');

    registry.upsertDiscovered(discovered('a'));
    expect(registry.get('a')).toMatchObject({ status: 'unhealthy', failures: 0 });
    expect(events).toEqual([
      'peer-added a',
      'peer-changed a unhealthy->healthy',
      'peer-changed a healthy->expired',
      'peer-changed a expired->unhealthy',
    ]);
  });

  it('ignores its own announcement and unknown ids', () => {
    const { registry, events } = setup({ selfNodeId: 'me' });
    expect(registry.upsertDiscovered(discovered('me'))).toBeNull();
    expect(registry.recordHealth('ghost', ok('ghost'))).toBeNull();
    expect(registry.markExpired('ghost')).toBe(false);
    expect(registry.remove('ghost')).toBe(false);
    expect(registry.size).toBe(0);
    expect(events).toEqual([]);
  });

  it('counts a discovered peer that answers as another node as a failure', () => {
    const { registry } = setup({ unhealthyAfterFailures: 1 });
    registry.upsertDiscovered(discovered('a'));
    registry.recordHealth('a', ok('a'));
    registry.recordHealth('a', ok('b'));
    expect(registry.get('a')).toMatchObject({ status: 'unhealthy', lastError: { code: FederationErrorCode.IDENTITY_MISMATCH } });
    expect(registry.get('b')).toBeUndefined();
  });

  it('removes a peer', () => {
    const { registry, events } = setup();
    registry.upsertDiscovered(discovered('a'));
    expect(registry.remove('a')).toBe(true);
    expect(registry.size).toBe(0);
    expect(events).toEqual(['peer-added a', 'peer-removed a removed']);
  });
});

describe('PeerRegistry manual peers', () => {
  it('returns a bad address as a value', () => {
    const { registry } = setup();
    const result = registry.addManual('not a host:99999');
    expect(result.ok ? null : result.error.code).toBe(FederationErrorCode.INVALID_ADDRESS);
    expect(registry.size).toBe(0);
  });

  it('keys a manual peer provisionally, then by the node id its health reply names', () => {
    const { registry, events } = setup();
    const added = registry.addManual('192.168.1.30:17615');
    expect(added).toMatchObject({ ok: true, added: true, peer: { nodeId: 'manual:192.168.1.30:17615', provisional: true, source: 'manual', status: 'unhealthy' } });
    expect(registry.addManual('192.168.1.30')).toMatchObject({ ok: true, added: false });

    registry.recordHealth('manual:192.168.1.30:17615', ok('node-30'));
    expect(registry.get('manual:192.168.1.30:17615')).toBeUndefined();
    expect(registry.get('node-30')).toMatchObject({ provisional: false, status: 'healthy', source: 'manual', baseUrl: 'http://192.168.1.30:17615' });
    expect(registry.addManual('192.168.1.30:17615')).toMatchObject({ ok: true, added: false, peer: { nodeId: 'node-30' } });
    expect(events).toEqual([
      'peer-added manual:192.168.1.30:17615',
      'peer-rekeyed manual:192.168.1.30:17615 => node-30',
      'peer-changed node-30 unhealthy->healthy',
    ]);
    // Manual peers never expire.
    expect(registry.markExpired('node-30')).toBe(false);
  });

  it('merges a manual peer with the same node discovered over mDNS, keeping it manual', () => {
    const { registry, events } = setup();
    registry.upsertDiscovered(discovered('node-30', { address: '192.168.1.30' }));
    registry.addManual('studio.local:17615');
    registry.recordHealth('manual:studio.local:17615', ok('node-30'));
    expect(registry.peers()).toHaveLength(1);
    expect(registry.get('node-30')).toMatchObject({ source: 'manual', name: 'swarm-node-30', address: 'studio.local', status: 'healthy' });
    expect(events).toEqual([
      'peer-added node-30',
      'peer-added manual:studio.local:17615',
      'peer-removed node-30 merged',
      'peer-rekeyed manual:studio.local:17615 => node-30',
      'peer-changed node-30 unhealthy->healthy',
    ]);
    // Later announcements refresh it but keep the address the user gave.
    registry.upsertDiscovered(discovered('node-30', { address: '192.168.1.31', instances: 5 }));
    expect(registry.get('node-30')).toMatchObject({ address: 'studio.local', instances: 5 });
    expect(registry.markExpired('node-30')).toBe(false);
  });

  it('drops a second manual address of a node already registered', () => {
    const { registry, events } = setup();
    registry.addManual('192.168.1.30:17615');
    registry.recordHealth('manual:192.168.1.30:17615', ok('node-30'));
    registry.addManual('studio.local:17615');
    expect(registry.recordHealth('manual:studio.local:17615', ok('node-30'))).toBeNull();
    expect(registry.peers().map((peer) => peer.nodeId)).toEqual(['node-30']);
    expect(events).toContain('peer-removed manual:studio.local:17615 duplicate');
  });

  it('drops a manual peer that is this node itself', () => {
    const { registry, events } = setup({ selfNodeId: 'me' });
    registry.addManual('127.0.0.1:17615');
    expect(registry.recordHealth('manual:127.0.0.1:17615', ok('me'))).toBeNull();
    expect(registry.size).toBe(0);
    expect(events).toContain('peer-removed manual:127.0.0.1:17615 self');
  });

  it('keys an OpenAI-compatible server by its base URL', () => {
    const { registry } = setup();
    const added = registry.addManual('openai+http://10.0.0.5:8080/v1');
    expect(added).toMatchObject({ ok: true, peer: { nodeId: 'openai:http://10.0.0.5:8080/v1', source: 'openai', baseUrl: 'http://10.0.0.5:8080/v1', name: 'http://10.0.0.5:8080/v1' } });
    registry.recordHealth('openai:http://10.0.0.5:8080/v1', {
      ok: true,
      value: { nodeId: asPeerId('openai:http://10.0.0.5:8080/v1'), modelId: asModelId('llama-3'), instances: null, load: null, rttMs: 1 },
    });
    expect(registry.get('openai:http://10.0.0.5:8080/v1')).toMatchObject({ status: 'healthy', modelId: 'llama-3', instances: null, load: null });
  });
});

describe('PeerRegistry.list', () => {
  it('answers valid PeerStatusDto items, sorted by name', () => {
    const { registry, advance } = setup();
    registry.upsertDiscovered(discovered('b', { name: 'beta' }));
    registry.upsertDiscovered(discovered('a', { name: 'alpha', lastSeen: T0 - 1000 }));
    registry.addManual('[fd00::9]:9000');
    advance(2500);
    registry.recordHealth('a', ok('a', 1.23456));
    const list = registry.list();
    expect(list.map((peer) => peer.node_id)).toEqual(['manual:[fd00::9]:9000', 'a', 'b']);
    expect(list[1]).toEqual({
      node_id: 'a',
      name: 'alpha',
      address: '192.168.1.20',
      port: 17615,
      source: 'mdns',
      status: 'healthy',
      last_seen: '2025-06-01T12:00:02.500Z',
      rtt_ms: 1.23,
      failures: 0,
      model_id: 'model-a',
      instances: 3,
      reason: null,
    });
    expect(list[0]).toMatchObject({ address: 'fd00::9', port: 9000, last_seen: null, rtt_ms: null, model_id: null, instances: null });
    for (const item of list) expect(parsePeerStatus(item).ok).toBe(true);
  });

  it('hands out frozen snapshots', () => {
    const { registry } = setup();
    registry.upsertDiscovered(discovered('a'));
    const peer = registry.get('a');
    expect(Object.isFrozen(peer)).toBe(true);
  });
});
