import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import { DOMINANT_SOURCE_MARGIN } from '../weighting/cap-dominant-source';
import { candidate, fromSource, portable, rankingIds, shuffled } from '../testing/candidate-fixture';
import { MEDOID_NOTE } from '../voting/vote';
import { majority } from './majority';

interface Row {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly options?: Omit<ConsensusOptions, 'strategy'>;
  /** "source#sequence" of the expected winner. */
  readonly winner: string;
  readonly agreement: number;
  readonly valid?: boolean;
  readonly groupKeys?: readonly string[];
}

const LOOP = 'I hope this helps! '.repeat(6);
const SCHEMA = { type: 'object', required: ['answer'], properties: { answer: { type: 'integer' } } } as const;

const rows: readonly Row[] = [
  {
    name: 'the biggest canonical group wins, however worded',
    candidates: fromSource('local', ['The answer is 41.', 'It is 42', '42', 'So we get **42**.', 'Result: 41']),
    winner: 'local#2',
    agreement: 3 / 5,
    groupKeys: ['number:42', 'number:41'],
  },
  {
    name: 'tie between groups: the higher best score wins',
    candidates: [
      candidate({ text: 'Yes', source: 'a', score: -0.9 }),
      candidate({ text: 'yes.', source: 'b', score: -0.8 }),
      candidate({ text: 'No', source: 'c', score: -0.2 }),
      candidate({ text: 'no', source: 'd', score: -3 }),
    ],
    winner: 'c#0',
    agreement: 0.5,
    groupKeys: ['yes_no:no', 'yes_no:yes'],
  },
  {
    name: 'tie with equal best scores: the group with the earlier stable order wins',
    candidates: [
      candidate({ text: 'No', source: 'b' }),
      candidate({ text: 'Yes', source: 'd' }),
      candidate({ text: 'no', source: 'c' }),
      candidate({ text: 'yes', source: 'a' }),
    ],
    winner: 'a#0',
    agreement: 0.5,
    groupKeys: ['yes_no:yes', 'yes_no:no'],
  },
  {
    name: 'a source holding exactly half loses to all the others agreeing (clamped just under half)',
    candidates: [
      candidate({ text: 'No', source: 'b' }),
      candidate({ text: 'Yes', source: 'a', sequence: 1 }),
      candidate({ text: 'no', source: 'c' }),
      candidate({ text: 'yes', source: 'a', sequence: 0 }),
    ],
    winner: 'b#0',
    agreement: 2 / (2 + 2 * (1 - DOMINANT_SOURCE_MARGIN)),
    groupKeys: ['yes_no:no', 'yes_no:yes'],
  },
  {
    name: 'one candidate wins alone with full agreement',
    candidates: [candidate({ text: 'Paris' })],
    winner: 'local#0',
    agreement: 1,
  },
  {
    name: 'all invalid: the least bad one (truncated beats empty and error), valid false',
    candidates: [
      candidate({ text: '', source: 'a' }),
      candidate({ text: 'Paris is the cap', source: 'b', finishReason: 'length' }),
      candidate({ text: 'boom', source: 'c', finishReason: 'error' }),
    ],
    winner: 'b#0',
    agreement: 0,
    valid: false,
    groupKeys: [],
  },
  {
    name: 'dropped candidates do not vote, even when they agree',
    candidates: [...fromSource('looper', [LOOP, LOOP, LOOP]), candidate({ text: 'Paris', source: 'ok' })],
    winner: 'ok#0',
    // They still count against agreement, capped like votes: the looper's 3 weigh as ok's 1.
    agreement: 0.5,
  },
  {
    name: 'JSON mode: invalid JSON and schema mismatches are dropped, key order does not split votes',
    candidates: fromSource('local', ['{"answer": 4', '{"answer": "4"}', '{"answer": 5}', '{"note":"x","answer":4}', '{"answer":4,"note":"x"}']),
    options: { json: { schema: SCHEMA } },
    winner: 'local#3',
    // The two dropped answers were asked for too.
    agreement: 2 / 5,
    groupKeys: ['json:{"answer":4,"note":"x"}', 'json:{"answer":5}'],
  },
  {
    name: 'free text with no shared form: the medoid wins',
    candidates: fromSource('local', [
      'Bananas are yellow and grow in bunches.',
      'The Eiffel Tower stands in Paris.',
      'The Eiffel Tower is in Paris, France.',
      'It is in Paris, France: the Eiffel Tower.',
    ]),
    // Canonical forms only: short answers would join the last two (same answer words).
    options: { grouping: 'canonical' },
    winner: 'local#2',
    agreement: 1 / 4,
  },
  {
    name: 'within the winning group, the member most similar to the rest wins',
    candidates: fromSource('local', [
      'We count the apples and get 42.',
      'Adding 40 and 2, the total number of apples is 42.',
      'The total number of apples is 42.',
      'The number of apples is 42 in total.',
      'Bananas: 42',
      'It is 41.',
    ]),
    winner: 'local#1',
    agreement: 5 / 6,
    groupKeys: ['number:42', 'number:41'],
  },
];

describe('majority', () => {
  it.each(rows)('$name', ({ candidates, options, winner, agreement, valid, groupKeys }) => {
    const verdict = majority(candidates, options);
    expect(rankingIds(verdict)[0]).toBe(winner);
    expect(verdict.agreement).toBeCloseTo(agreement, 10);
    expect(verdict.lowConfidence).toBe(agreement < 0.5);
    expect(verdict.valid).toBe(valid ?? true);
    expect(verdict.strategy).toBe('majority');
    if (groupKeys !== undefined) expect(verdict.groups.map((group) => group.key)).toEqual(groupKeys);
  });

  it('ranks winner, its group, other groups heaviest first, then dropped least bad first', () => {
    const input = [
      candidate({ text: '', source: 'e' }),
      candidate({ text: '7', source: 'd' }),
      candidate({ text: 'It is 9', source: 'c', score: -1 }),
      candidate({ text: 'cut', source: 'f', finishReason: 'length' }),
      candidate({ text: '9', source: 'b', score: -0.1 }),
      candidate({ text: 'Answer: 8', source: 'a' }),
      candidate({ text: 'I think 8', source: 'g' }),
      candidate({ text: 'eight is 8', source: 'h' }),
    ];
    const verdict = majority(input);
    expect(verdict.groups.map((group) => [group.key, group.weight])).toEqual([
      ['number:8', 3],
      ['number:9', 2],
      ['number:7', 1],
    ]);
    const ids = rankingIds(verdict);
    expect(ids.slice(3)).toEqual(['b#0', 'c#0', 'd#0', 'f#0', 'e#0']);
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(['a#0', 'g#0', 'h#0']));
    expect(verdict.dropped).toEqual([
      { index: 3, reason: 'truncated' },
      { index: 0, reason: 'empty' },
    ]);
    expect(verdict.ranking.filter((entry) => entry.weight === 0).map((entry) => entry.index)).toEqual([3, 0]);
    expect(verdict.notes).toContain('dropped 2 of 8 candidates before voting (truncated: 1, empty: 1)');
    // groups list members best first, by input index
    expect(verdict.groups[1]?.memberIndexes).toEqual([4, 2]);
  });

  it('explains a medoid decision and a least-bad fallback in its notes', () => {
    expect(majority(fromSource('s', ['red apples', 'green pears'])).notes).toEqual([MEDOID_NOTE]);
    const allBad = majority([candidate({ text: '', finishReason: 'length' })]);
    expect(allBad.notes).toEqual([
      'dropped 1 of 1 candidates before voting (empty: 1)',
      'no candidate passed validation: returning the least bad one (empty)',
    ]);
  });

  it('gives the same verdict whatever the input order', () => {
    const input = [
      ...fromSource('node-b', ['41', '42', 'The answer is 42', LOOP]),
      ...fromSource('node-a', ['Result: 41', 'forty-one, i.e. 41', '']),
      candidate({ text: '42!', source: 'local', sequence: 3, score: null }),
    ];
    const reference = portable(majority(input), input);
    for (const seed of [1, 7, 42, 1234, 99999]) {
      const reordered = shuffled(input, seed);
      expect(portable(majority(reordered), reordered)).toEqual(reference);
    }
  });

  it('returns an empty verdict for no candidates', () => {
    const verdict = majority([]);
    expect(verdict.winner).toBeNull();
    expect(verdict.ranking).toEqual([]);
    expect(verdict.valid).toBe(false);
    expect(verdict.lowConfidence).toBe(true);
  });
});
