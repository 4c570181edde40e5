import { chooseSwarmSize, largestOddAtMost } from './choose-swarm-size';

const MIB = 1024 ** 2;
/** A linear KV-cache estimate: 100 MiB per sequence at 2048 tokens, plus 20 MiB overhead. */
const linearEstimate = (sequences: number, contextSize: number): number =>
  20 * MIB + sequences * 100 * MIB * (contextSize / 2048);

describe('largestOddAtMost', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 3],
    [8, 7],
    [9.7, 9],
  ])('%p -> %p', (n, expected) => expect(largestOddAtMost(n)).toBe(expected));
});

describe('chooseSwarmSize', () => {
  it('uses the core cap when memory is plentiful, and keeps the count odd', () => {
    const size = chooseSwarmSize({
      freeMemoryBytes: 16 * 1024 * MIB,
      cpuCores: 2,
      modelBytes: 100 * MIB,
      estimateContextBytes: linearEstimate,
      contextSize: 2048,
    });
    expect(size.instances).toBe(7);
    expect(size.contextSize).toBe(2048);
    expect(size.reason).toMatch(/7 instances x 2048 tokens/);
  });

  it('gives fewer instances on one core', () => {
    const size = chooseSwarmSize({
      freeMemoryBytes: 16 * 1024 * MIB,
      cpuCores: 1,
      modelBytes: 100 * MIB,
      estimateContextBytes: linearEstimate,
      contextSize: 2048,
    });
    expect(size.instances).toBe(3);
  });

  it('fits instances into the memory budget', () => {
    // budget = 1000 * 0.5 - 100 = 400 MiB -> 3 sequences (320 MiB) fit, 5 (520 MiB) do not
    const size = chooseSwarmSize({
      freeMemoryBytes: 1000 * MIB,
      cpuCores: 8,
      modelBytes: 100 * MIB,
      estimateContextBytes: linearEstimate,
      contextSize: 2048,
    });
    expect(size).toMatchObject({ instances: 3, contextSize: 2048 });
  });

  it('shrinks the context before dropping to a single instance', () => {
    // budget = 300*0.5 - 50 = 100 MiB: 1 seq at 2048 = 120 MiB no; at 1024: 3 seq = 170 no, 1 seq = 70 yes
    const size = chooseSwarmSize({
      freeMemoryBytes: 300 * MIB,
      cpuCores: 2,
      modelBytes: 50 * MIB,
      estimateContextBytes: linearEstimate,
      contextSize: 2048,
    });
    expect(size).toMatchObject({ instances: 1, contextSize: 1024 });
  });

  it('falls back to 1 x 512 when nothing fits', () => {
    const size = chooseSwarmSize({
      freeMemoryBytes: 10 * MIB,
      cpuCores: 2,
      modelBytes: 50 * MIB,
      estimateContextBytes: linearEstimate,
      contextSize: 2048,
    });
    expect(size).toMatchObject({ instances: 1, contextSize: 512 });
    expect(size.reason).toMatch(/memory is tight/);
  });
});
