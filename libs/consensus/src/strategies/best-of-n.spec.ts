import type { Candidate } from '../candidate/candidate';
import { candidate, fromSource, portable, rankingIds, shuffled } from '../testing/candidate-fixture';
import type { StrategyName } from './strategy-name';
import { bestOfN, NOMINEES_NOTE } from './best-of-n';

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
    // The dropped one was asked for too.
    agreement: 1 / 3,
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

  describe('scores are compared only within one model file', () => {
    const LOCAL_FILE = 'a'.repeat(64);
    const OTHER_FILE = 'b'.repeat(64);
    const local = (text: string, sequence: number, score: number): Candidate =>
      candidate({ text, source: 'local', sequence, score, modelHash: LOCAL_FILE });

    it('a peer claiming the local model name with another file is never compared with the local scores', () => {
      const input = [
        local('Paris', 0, -0.5),
        local('Paris', 1, -0.6),
        candidate({ text: 'Paris', source: 'peer-a', score: -0.7, modelHash: LOCAL_FILE }),
        candidate({ text: 'Lyon', source: 'peer-z', score: -0.01, modelHash: OTHER_FILE }),
      ];
      const verdict = bestOfN(input);
      expect(verdict.strategy).toBe('best_of_n');
      expect(rankingIds(verdict)[0]).toBe('local#0');
      expect(verdict.notes).toContain(NOMINEES_NOTE);
      // Without a hash the peer is not comparable with hashed candidates either.
      const unhashed = input.map((entry) => (entry.source === 'peer-z' ? { ...entry, modelHash: undefined } : entry));
      expect(rankingIds(bestOfN(unhashed))[0]).toBe('local#0');
    });

    it('within one file scores compare across sources and model names', () => {
      const input = [
        local('Paris', 0, -0.5),
        local('Paris', 1, -0.6),
        candidate({ text: 'Rome', source: 'peer-a', score: -0.1, model: 'renamed.gguf', modelHash: LOCAL_FILE }),
      ];
      const verdict = bestOfN(input);
      expect(verdict.strategy).toBe('best_of_n');
      expect(rankingIds(verdict)[0]).toBe('peer-a#0');
      expect(verdict.notes).not.toContain(NOMINEES_NOTE);
    });

    it("between files the nominee with more votes wins; equal votes go to the stable order, never to a score", () => {
      const tie = [local('Paris', 0, -0.9), candidate({ text: 'Lyon', source: 'peer-z', score: -0.01, modelHash: OTHER_FILE })];
      expect(rankingIds(bestOfN(tie))[0]).toBe('local#0');
      const supported = [...tie, candidate({ text: 'Lyon', source: 'peer-b', score: -2, modelHash: LOCAL_FILE })];
      const verdict = bestOfN(supported);
      // local's file nominates Paris (-0.9 beats peer-b's -2), peer-z's file Lyon; Lyon has 2 votes.
      expect(rankingIds(verdict)[0]).toBe('peer-z#0');
      expect(verdict.agreement).toBeCloseTo(2 / 3, 10);
    });

    it('group members follow their place in their own file, not raw scores across files', () => {
      const input = [
        local('7', 0, -0.5),
        local('7', 1, -0.1),
        candidate({ text: '7', source: 'peer-z', sequence: 0, score: -0.05, modelHash: OTHER_FILE }),
        candidate({ text: '7', source: 'peer-z', sequence: 1, score: -0.01, modelHash: OTHER_FILE }),
      ];
      expect(rankingIds(bestOfN(input))).toEqual(['local#1', 'peer-z#1', 'local#0', 'peer-z#0']);
    });

    it('a pool whose scores cannot be ranked makes the whole decision majority, and says which pool', () => {
      const input = [local('Paris', 0, -0.5), candidate({ text: 'Lyon', source: 'peer-z', score: null, modelHash: OTHER_FILE })];
      const verdict = bestOfN(input);
      expect(verdict.strategy).toBe('majority');
      expect(verdict.notes).toContain(`best_of_n fell back to majority: model file ${'b'.repeat(12)}: 1 of 1 candidates have no score`);
    });

    it('gives the same verdict whatever the input order', () => {
      const input = [
        local('Paris', 0, -0.5),
        local('Rome', 1, -0.2),
        candidate({ text: 'Rome', source: 'peer-z', score: -0.3, modelHash: OTHER_FILE }),
        candidate({ text: 'Paris', source: 'peer-y', score: -1.3, modelHash: OTHER_FILE }),
        candidate({ text: 'Oslo', source: 'peer-x', score: -0.3 }),
      ];
      const reference = portable(bestOfN(input), input);
      for (const seed of [5, 11, 31]) {
        const reordered = shuffled(input, seed);
        expect(portable(bestOfN(reordered), reordered)).toEqual(reference);
      }
    });
  });
});
