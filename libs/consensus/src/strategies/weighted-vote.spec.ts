import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import { DOMINANT_SOURCE_MARGIN } from '../weighting/cap-dominant-source';
import { candidate, fromSource, portable, rankingIds, shuffled } from '../testing/candidate-fixture';
import { majority } from './majority';
import { weightedVote } from './weighted-vote';

interface Row {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly options?: Omit<ConsensusOptions, 'strategy'>;
  readonly winner: string;
  readonly agreement: number;
  readonly note?: string;
}

const FIVE_VS_TWO = [
  ...fromSource('chatty', ['A', 'A', 'A', 'A', 'A']),
  candidate({ text: 'B', source: 'quiet-1' }),
  candidate({ text: 'B', source: 'quiet-2' }),
];

const CLAMP_NOTE = 'source "big" held 83.3% of the weight: clamped to just under 50% (below the sum of the other sources)';
/** A source holding half or more of the weight of 2 others at weight 1, after the clamp. */
const UNDER_HALF = 2 * (1 - DOMINANT_SOURCE_MARGIN);

const rows: readonly Row[] = [
  {
    name: 'a source sending 5 samples does not outvote 2 sources with 1 each',
    candidates: FIVE_VS_TWO,
    winner: 'quiet-1#0',
    agreement: 2 / 3,
  },
  {
    name: 'a heavier source outvotes a lighter one',
    candidates: [candidate({ text: 'X', source: 'a' }), candidate({ text: 'Y', source: 'b' }), candidate({ text: 'Z', source: 'c' })],
    options: { sourceWeights: { b: 2 } },
    winner: 'b#0',
    // b holds exactly half: clamped just under it, it still leads the split others.
    agreement: UNDER_HALF / (2 + UNDER_HALF),
  },
  {
    name: 'model weights multiply in',
    candidates: [
      candidate({ text: 'X', source: 'a', model: 'big' }),
      candidate({ text: 'Y', source: 'b', model: 'small' }),
      candidate({ text: 'Y', source: 'c', model: 'small' }),
      candidate({ text: 'Z', source: 'd', model: 'small' }),
    ],
    options: { modelWeights: { small: 0.4 } },
    winner: 'a#0',
    agreement: 1 / 2.2,
  },
  {
    name: 'clamp: a source above half is cut to just under the others\' sum, then wins only against split others',
    candidates: [candidate({ text: 'X', source: 'big' }), candidate({ text: 'Y', source: 'b' }), candidate({ text: 'Z', source: 'c' })],
    options: { sourceWeights: { big: 10 } },
    winner: 'big#0',
    agreement: UNDER_HALF / (2 + UNDER_HALF),
    note: CLAMP_NOTE,
  },
  {
    name: 'clamp: against united others it loses, even with the better score and the earlier source id',
    candidates: [
      candidate({ text: 'X', source: 'big', score: 0 }),
      candidate({ text: 'Y', source: 'b', score: -0.2 }),
      candidate({ text: 'Y', source: 'c', score: -0.9 }),
    ],
    options: { sourceWeights: { big: 10 } },
    winner: 'b#0',
    agreement: 2 / (2 + UNDER_HALF),
    note: CLAMP_NOTE,
  },
  {
    name: 'clamp with 2 sources: the heavier is cut to the other\'s weight, and the tie-break (higher best score) decides',
    candidates: [candidate({ text: 'X', source: 'big', score: -1 }), candidate({ text: 'Y', source: 'b', score: -0.2 })],
    options: { sourceWeights: { big: 10 } },
    winner: 'b#0',
    agreement: 0.5,
    note: 'source "big" held 90.9% of the weight: clamped to 50% (equal to the sum of the other sources)',
  },
  {
    name: 'weight is shared among voting samples only: dropped samples do not dilute it',
    candidates: [
      ...fromSource('a', ['X', 'cut', 'cut again'], {}).map((c, i) => (i === 0 ? c : { ...c, finishReason: 'length' as const })),
      candidate({ text: 'Y', source: 'b', score: -2 }),
    ],
    winner: 'a#0',
    // For agreement the dropped samples keep the share they would have had: X holds 1/3 of a's 1.
    agreement: 1 / 6,
  },
  {
    name: 'all weights zero: tie-breaks decide and agreement is 0',
    candidates: [candidate({ text: 'X', source: 'a', score: -2 }), candidate({ text: 'Y', source: 'b', score: -1 })],
    options: { sourceWeights: { a: 0, b: 0 } },
    winner: 'b#0',
    agreement: 0,
    note: 'every voting candidate has zero weight: decided by tie-breaks alone',
  },
];

describe('weightedVote', () => {
  it.each(rows)('$name', ({ candidates, options, winner, agreement, note }) => {
    const verdict = weightedVote(candidates, options);
    expect(rankingIds(verdict)[0]).toBe(winner);
    expect(verdict.agreement).toBeCloseTo(agreement, 10);
    expect(verdict.lowConfidence).toBe(agreement < 0.5);
    expect(verdict.strategy).toBe('weighted_vote');
    if (note !== undefined) expect(verdict.notes).toContain(note);
  });

  it('differs from plain majority exactly where sharing matters', () => {
    // Majority: chatty's 3 votes are clamped just under the others' 3, still above B's 2.
    // Weighted vote: chatty's 3 samples share one source weight, below B's 2.
    const input = [...fromSource('chatty', ['A', 'A', 'A']), candidate({ text: 'B', source: 'quiet-1' }), candidate({ text: 'B', source: 'quiet-2' }), candidate({ text: 'C', source: 'quiet-3' })];
    expect(rankingIds(majority(input))[0]).toBe('chatty#0');
    expect(rankingIds(weightedVote(input))[0]).toBe('quiet-1#0');
  });

  it('reports each candidate\'s weight and each group\'s total', () => {
    const verdict = weightedVote(FIVE_VS_TWO);
    expect(verdict.groups.map((group) => [group.key, group.weight])).toEqual([
      ['choice:B', 2],
      ['choice:A', 1],
    ]);
    for (const entry of verdict.ranking) {
      expect(entry.weight).toBeCloseTo(entry.candidate.source === 'chatty' ? 0.2 : 1, 10);
    }
  });

  it('gives the same verdict whatever the input order', () => {
    const input = [...FIVE_VS_TWO, candidate({ text: 'A', source: 'quiet-3', model: 'other' })];
    const options = { sourceWeights: { chatty: 3 }, modelWeights: { other: 0.5 } };
    const reference = portable(weightedVote(input, options), input);
    for (const seed of [3, 5, 8, 13]) {
      const reordered = shuffled(input, seed);
      expect(portable(weightedVote(reordered, options), reordered)).toEqual(reference);
    }
  });
});
