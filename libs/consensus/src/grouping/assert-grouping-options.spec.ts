import { decide } from '../decide';
import type { ConsensusOptions } from '../options/consensus-options';
import { fromSource } from '../testing/candidate-fixture';

const candidates = fromSource('local', ['Paris', 'Lyon']);

describe('grouping options', () => {
  it.each([
    ['an unknown grouping mode', { grouping: 'fuzzy' }],
    ['a question that is not a string', { question: 42 }],
    ['semantic vectors that are not a Map', { semantic: { vectors: {}, threshold: 0.9 } }],
    ['a threshold of 0', { semantic: { vectors: new Map(), threshold: 0 } }],
    ['a threshold above 1', { semantic: { vectors: new Map(), threshold: 1.5 } }],
    ['a NaN threshold', { semantic: { vectors: new Map(), threshold: Number.NaN } }],
  ])('rejects %s', (_, bad) => {
    expect(() => decide(candidates, { strategy: 'majority', ...(bad as unknown as Partial<ConsensusOptions>) })).toThrow(
      expect.objectContaining({ code: 'CONSENSUS_ERR_INVALID_OPTION' }),
    );
  });

  it('accepts both modes, a question and a threshold of 1', () => {
    for (const grouping of ['layered', 'canonical'] as const) {
      expect(decide(candidates, { strategy: 'majority', grouping, question: 'Which city?', semantic: { vectors: new Map(), threshold: 1 } }).winner).not.toBeNull();
    }
  });
});
