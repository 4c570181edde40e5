import type { FactualTask } from './eval-task';
import { interleave, loadTasks, seededShuffle } from './load-tasks';

const set: FactualTask[] = Array.from({ length: 30 }, (_, index) => ({ family: 'factual', id: `f${index}`, question: `Q${index}?`, answers: ['x'] }));

describe('seededShuffle', () => {
  it('is a deterministic permutation', () => {
    const shuffled = seededShuffle(set, 4);
    expect(shuffled).toEqual(seededShuffle(set, 4));
    expect([...shuffled].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...set].sort((a, b) => a.id.localeCompare(b.id)));
    expect(shuffled).not.toEqual(set);
  });
});

describe('interleave', () => {
  it('spreads the shorter list evenly and keeps both orders', () => {
    expect(interleave([1, 2, 3, 4], ['a', 'b'])).toEqual([1, 'a', 2, 3, 'b', 4]);
    expect(interleave([], ['a'])).toEqual(['a']);
    expect(interleave([1, 2], [])).toEqual([1, 2]);
  });
});

describe('loadTasks', () => {
  it('takes a nested seeded subset of the factual set and N arithmetic problems', () => {
    const small = loadTasks({ factual: 5, arithmetic: 3, seed: 1 }, set);
    const big = loadTasks({ factual: 10, arithmetic: 3, seed: 1 }, set);
    expect(small.factual).toHaveLength(5);
    expect(big.factual.slice(0, 5)).toEqual(small.factual);
    expect(small.arithmetic).toHaveLength(3);
    expect(small.tasks).toHaveLength(8);
    expect(small.factualSetSize).toBe(30);
  });
  it('takes the whole set for "all" or too large a count', () => {
    expect(loadTasks({ factual: 'all', arithmetic: 0, seed: 1 }, set).factual).toHaveLength(30);
    expect(loadTasks({ factual: 99, arithmetic: 0, seed: 1 }, set).factual).toHaveLength(30);
  });
  it('loads the real set by default', () => {
    expect(loadTasks({ factual: 3, arithmetic: 1, seed: 2 }).factualSetSize).toBeGreaterThanOrEqual(250);
  });
});
