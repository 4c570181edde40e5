import { loadScore } from './load-score';

describe('loadScore', () => {
  it.each<[string, { busyInstances: number; queuedRequests: number; capacity: number }, number | undefined, number]>([
    ['idle', { busyInstances: 0, queuedRequests: 0, capacity: 3 }, undefined, 0],
    ['one of three busy', { busyInstances: 1, queuedRequests: 0, capacity: 3 }, undefined, 1 / 3],
    ['all busy and two queued', { busyInstances: 3, queuedRequests: 2, capacity: 3 }, undefined, 5 / 3],
    ['requests in flight count as work', { busyInstances: 1, queuedRequests: 0, capacity: 4 }, 3, 1],
    ['in flight defaults to 0', { busyInstances: 2, queuedRequests: 0, capacity: 4 }, undefined, 0.5],
    ['capacity 0 divides by 1', { busyInstances: 0, queuedRequests: 2, capacity: 0 }, undefined, 2],
    ['capacity 0 and idle', { busyInstances: 0, queuedRequests: 0, capacity: 0 }, 0, 0],
  ])('%s', (_label, nodeLoad, inFlight, expected) => {
    expect(loadScore(nodeLoad, inFlight)).toBeCloseTo(expected, 10);
  });

  it('ranks a bigger node with the same work as less loaded', () => {
    expect(loadScore({ busyInstances: 2, queuedRequests: 0, capacity: 8 })).toBeLessThan(loadScore({ busyInstances: 2, queuedRequests: 0, capacity: 3 }));
  });
});
