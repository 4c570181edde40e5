import type { Candidate } from '../candidate/candidate';
import { candidate, fromSource, portable, rankingIds, shuffled } from '../testing/candidate-fixture';
import type { StrategyName } from './strategy-name';
import { bestOfN } from './best-of-n';

interface Row {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly winner: string;
  readonly strategy: StrategyName;
  readonly agreement: number;
  readonly valid?: boolean;
  readonly note?: string;
}

const rows: readonly Row[] = [
  {
    name: 'the highest score wins even against a majority',
    candidates: [
      candidate({ text: 'Y', sequence: 0, score: -0.5 }),
      candidate({ text: 'X', sequence: 1, score: -0.1 }),
      candidate({ text: 'Y', sequence: 2, score: -0.6 }),
    ],
    winner: 'local#1',
    strategy: 'best_of_n',
    agreement: 1 / 3,
  },
  {
    name: 'equal scores: the earlier stable order wins',
    candidates: [candidate({ text: 'X', sequence: 2, score: -0.3 }), candidate({ text: 'Y', sequence: 1, score: -0.3 })],
    winner: 'local#1',
    strategy: 'best_of_n',
    agreement: 0.5,
  },
  {
    name: 'candidates from several models: falls back to majority',
    candidates: [
      candidate({ text: 'X', sequence: 0, model: 'm1', score: -0.01 }),
      candidate({ text: 'Y', sequence: 1, model: 'm2', score: -2 }),
      candidate({ text: 'Y', sequence: 2, model: 'm1', score: -3 }),
    ],
    winner: 'local#1',
    strategy: 'majority',
    agreement: 2 / 3,
    note: 'best_of_n fell back to majority: candidates come from 2 models (m1, m2), whose scores are not comparable',
  },
  {
    name: 'a candidate without score: falls back to majority',
    candidates: [
      candidate({ text: 'X', sequence: 0, score: -0.01 }),
      candidate({ text: 'Y', sequence: 1, score: null }),
      candidate({ text: 'Y', sequence: 2, score: -3 }),
    ],
    winner: 'local#2',
    strategy: 'majority',
    agreement: 2 / 3,
    note: 'best_of_n fell back to majority: 1 of 3 candidates have no score',
  },
  {
    name: 'a dropped candidate of another model does not force the fallback',
    candidates: [
      candidate({ text: 'X', sequence: 0, score: -0.1 }),
      candidate({ text: 'Y', sequence: 1, score: -0.2 }),
      candidate({ text: '', sequence: 2, model: 'other', score: null }),
    ],
    winner: 'local#0',
    strategy: 'best_of_n',
    agreement: 0.5,
  },
  {
    name: 'all invalid: the least bad one, valid false',
    candidates: [
      candidate({ text: 'cut', sequence: 0, finishReason: 'length', score: -0.1 }),
      candidate({ text: 'x', sequence: 1, finishReason: 'cancelled', score: 0 }),
    ],
    winner: 'local#0',
    strategy: 'best_of_n',
    agreement: 0,
    valid: false,
  },
  {
    name: 'one candidate',
    candidates: [candidate({ text: 'only' })],
    winner: 'local#0',
    strategy: 'best_of_n',
    agreement: 1,
  },
];

describe('bestOfN', () => {
  it.each(rows)('$name', ({ candidates, winner, strategy, agreement, valid, note }) => {
    const verdict = bestOfN(candidates);
    expect(rankingIds(verdict)[0]).toBe(winner);
    expect(verdict.requestedStrategy).toBe('best_of_n');
    expect(verdict.strategy).toBe(strategy);
    expect(verdict.agreement).toBeCloseTo(agreement, 10);
    expect(verdict.valid).toBe(valid ?? true);
    if (note !== undefined) expect(verdict.notes).toContain(note);
  });

  it('orders group members by score', () => {
    const verdict = bestOfN(fromSource('s', ['7', 'It is 7', 'Maybe 8', '7!']).map((c, i) => ({ ...c, score: [-3, -1, -0.5, -2][i] ?? 0 })));
    expect(rankingIds(verdict)).toEqual(['s#2', 's#1', 's#3', 's#0']);
  });

  it('gives the same verdict whatever the input order', () => {
    const input = fromSource('n', ['a', 'b', 'a', 'c', 'b']).map((c, i) => ({ ...c, score: [-1, -0.5, -0.5, -2, -0.7][i] ?? 0 }));
    const reference = portable(bestOfN(input), input);
    for (const seed of [2, 4, 6]) {
      const reordered = shuffled(input, seed);
      expect(portable(bestOfN(reordered), reordered)).toEqual(reference);
    }
  });
});
