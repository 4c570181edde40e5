import { asModelId, asPeerId, FederationErrorCode, type ClientResult, type HealthOptions, type HealthReport } from '@local-swarm/federation-protocol';
import { PeerRegistry, type PeerRegistryEvents } from '../registry/peer-registry';
import { peerHealthWire } from '../testing/peer-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { HealthMonitor, type IntervalTimers } from './health-monitor';

/** Resolves with the first `peer-changed` event that matches, or rejects after `timeoutMs`. */
function nextChange(
  registry: PeerRegistry,
  to: string,
  timeoutMs = 3000,
): Promise<PeerRegistryEvents['peer-changed']> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no change to ${to} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = registry.on('peer-changed', (event) => {
      if (event.to !== to) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

function startHealthServer(nodeId: string, port = 0): Promise<TestHttpServer> {
  return startTestHttpServer((request, response) => {
    if (request.url === '/v1/federation/health') sendJson(response, 200, peerHealthWire(nodeId));
    else sendJson(response, 404, { error: { message: 'not found' } });
  }, port);
}

describe('HealthMonitor with a real peer', () => {
  let server: TestHttpServer | null = null;
  let monitor: HealthMonitor | null = null;

  afterEach(async () => {
    await monitor?.stop();
    await server?.close();
    monitor = null;
    server = null;
  });

  it('marks a peer that goes away unhealthy, and healthy again when it comes back', async () => {
    server = await startHealthServer('node-peer');
    const { port } = server;
    const registry = new PeerRegistry();
    monitor = new HealthMonitor({ registry, intervalMs: 100, timeoutMs: 200, connect: { allowLoopback: true } });
    const checked: string[] = [];
    monitor.on('checked', ({ result }) => checked.push(result.ok ? 'ok' : result.error.code));

    const healthy = nextChange(registry, 'healthy');
    monitor.start();
    expect(monitor.state).toBe('running');
    registry.upsertDiscovered({ nodeId: 'node-peer', name: 'peer', address: '127.0.0.1', port, modelId: null, instances: null, lastSeen: Date.now() });
    await healthy;
    expect(registry.healthy().map((peer) => peer.nodeId)).toEqual(['node-peer']);
    expect(registry.get('node-peer')).toMatchObject({ modelId: 'peer-model', instances: 3, failures: 0 });

    const unhealthy = nextChange(registry, 'unhealthy');
    const wentAway = performance.now();
    await server.close();
    server = null;
    const change = await unhealthy;
    // Two refused checks in a row: about two intervals.
    expect(performance.now() - wentAway).toBeLessThan(1000);
    expect(change.peer.failures).toBe(2);
    expect(change.peer.lastError?.code).toBe(FederationErrorCode.REFUSED);
    expect(registry.healthy()).toEqual([]);

    const back = nextChange(registry, 'healthy');
    server = await startHealthServer('node-peer', port);
    await back;
    expect(registry.get('node-peer')).toMatchObject({ status: 'healthy', failures: 0 });
    expect(checked).toContain(FederationErrorCode.REFUSED);

    await monitor.stop();
    expect(monitor.state).toBe('stopped');
  });

  it('identifies a manual peer by its health reply', async () => {
    server = await startHealthServer('node-real');
    const registry = new PeerRegistry();
    monitor = new HealthMonitor({ registry, intervalMs: 1000, timeoutMs: 500, connect: { allowLoopback: true } });
    monitor.start();
    const healthy = nextChange(registry, 'healthy');
    registry.addManual(`127.0.0.1:${server.port}`);
    const { peer } = await healthy;
    expect(peer).toMatchObject({ nodeId: 'node-real', source: 'manual', provisional: false });
  });
});

/** Interval timers the test fires by hand. */
function manualTimers(): IntervalTimers & { tick(): void; active: number } {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    setInterval: (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    clearInterval: (handle) => {
      callbacks.delete(handle as number);
    },
    tick: () => callbacks.forEach((callback) => callback()),
    get active() {
      return callbacks.size;
    },
  };
}

/** A checker whose replies the test releases one by one. */
function controlledChecker() {
  const pending: { resolve: (result: ClientResult<HealthReport>) => void; options: HealthOptions }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  return {
    pending,
    get maxConcurrent() {
      return maxConcurrent;
    },
    checker: {
      health: (options: HealthOptions) =>
        new Promise<ClientResult<HealthReport>>((resolve) => {
          concurrent += 1;
          maxConcurrent = Math.max(maxConcurrent, concurrent);
          options.signal?.addEventListener('abort', () =>
            resolve({ ok: false, error: { code: FederationErrorCode.ABORTED, message: 'aborted' } }),
          );
          pending.push({
            options,
            resolve: (result) => {
              concurrent -= 1;
              resolve(result);
            },
          });
        }),
    },
  };
}

const healthOf = (nodeId: string): ClientResult<HealthReport> => ({
  ok: true,
  value: { nodeId: asPeerId(nodeId), modelId: asModelId('m'), instances: 1, load: null, rttMs: 1 },
});

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HealthMonitor scheduling', () => {
  it('checks at start, on every tick, and never twice at once per peer', async () => {
    const timers = manualTimers();
    const control = controlledChecker();
    const registry = new PeerRegistry();
    registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '10.0.0.1', port: 1, modelId: null, instances: null, lastSeen: 0 });
    const monitor = new HealthMonitor({ registry, timers, timeoutMs: 1234, checkerFor: () => control.checker });

    monitor.start();
    expect(control.pending).toHaveLength(1);
    expect(control.pending[0]?.options.timeoutMs).toBe(1234);
    timers.tick();
    timers.tick();
    expect(control.pending).toHaveLength(1);
    control.pending[0]?.resolve(healthOf('a'));
    await flush();
    expect(registry.get('a')?.status).toBe('healthy');
    timers.tick();
    expect(control.pending).toHaveLength(2);
    expect(control.maxConcurrent).toBe(1);
    control.pending[1]?.resolve(healthOf('a'));
    await monitor.stop();
    expect(timers.active).toBe(0);
  });

  it('checks a new peer at once and skips expired peers', async () => {
    const timers = manualTimers();
    const control = controlledChecker();
    const registry = new PeerRegistry();
    const monitor = new HealthMonitor({ registry, timers, checkerFor: () => control.checker });
    monitor.start();
    expect(control.pending).toHaveLength(0);
    registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '10.0.0.1', port: 1, modelId: null, instances: null, lastSeen: 0 });
    expect(control.pending).toHaveLength(1);
    control.pending[0]?.resolve(healthOf('a'));
    await flush();
    registry.markExpired('a');
    timers.tick();
    expect(control.pending).toHaveLength(1);
    await monitor.stop();
  });

  it('aborts running checks on stop and records nothing from them', async () => {
    const timers = manualTimers();
    const control = controlledChecker();
    const registry = new PeerRegistry();
    registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '10.0.0.1', port: 1, modelId: null, instances: null, lastSeen: 0 });
    const monitor = new HealthMonitor({ registry, timers, checkerFor: () => control.checker });
    const checked: unknown[] = [];
    monitor.on('checked', (event) => checked.push(event));
    monitor.start();
    await monitor.stop();
    expect(control.pending[0]?.options.signal?.aborted).toBe(true);
    expect(checked).toEqual([]);
    expect(registry.get('a')?.failures).toBe(0);
    // Events after stop do not trigger checks.
    registry.upsertDiscovered({ nodeId: 'b', name: 'b', address: '10.0.0.2', port: 1, modelId: null, instances: null, lastSeen: 0 });
    expect(control.pending).toHaveLength(1);
  });

  it('records a checker that throws as a failure', async () => {
    const registry = new PeerRegistry();
    registry.upsertDiscovered({ nodeId: 'a', name: 'a', address: '10.0.0.1', port: 1, modelId: null, instances: null, lastSeen: 0 });
    const monitor = new HealthMonitor({
      registry,
      timers: manualTimers(),
      checkerFor: () => ({ health: () => Promise.reject(new Error('boom')) }),
    });
    await monitor.checkNow();
    expect(registry.get('a')).toMatchObject({ failures: 1, lastError: { code: FederationErrorCode.REFUSED } });
  });

  it('refuses a non-positive interval', () => {
    expect(() => new HealthMonitor({ registry: new PeerRegistry(), intervalMs: 0 })).toThrow(RangeError);
  });
});
