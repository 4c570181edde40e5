import { parsePeerHealth, peerHealthToWire } from '@local-swarm/federation-protocol';
import { toPeerHealth } from './to-peer-health';

const load = { busyInstances: 1, capacity: 2, queuedRequests: 0, maxQueue: 8 };

describe('toPeerHealth', () => {
  it("puts the model file's sha256 on the wire once known", () => {
    const digest = 'ef'.repeat(32);
    const wire = peerHealthToWire(toPeerHealth('node-a', '0.1.0', { modelId: 'm', instances: 2 }, load, digest));
    expect(wire.model_sha256).toBe(digest);
    const parsed = parsePeerHealth(wire);
    expect(parsed.ok && parsed.value.modelSha256).toBe(digest);
  });

  it('leaves it out while unknown', () => {
    expect('model_sha256' in peerHealthToWire(toPeerHealth('node-a', '0.1.0', { modelId: 'm', instances: 2 }, load))).toBe(false);
  });
});
