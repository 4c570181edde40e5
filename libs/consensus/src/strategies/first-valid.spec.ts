import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import { candidate, portable, rankingIds, shuffled } from '../testing/candidate-fixture';
import { firstValid } from './first-valid';

interface Row {
  readonly name: string;
  readonly candidates: readonly Candidate[];
  readonly options?: Omit<ConsensusOptions, 'strategy'>;
  readonly winner: string;
  readonly valid?: boolean;
}

const rows: readonly Row[] = [
  {
    name: 'the earliest valid completion wins, not the first in input order',
    candidates: [
      candidate({ text: 'slow', source: 'a', latencyMs: 900 }),
      candidate({ text: 'fast but cut', source: 'b', latencyMs: 50, finishReason: 'length' }),
      candidate({ text: 'medium', source: 'c', latencyMs: 300 }),
      candidate({ text: 'later', source: 'd', latencyMs: 301 }),
    ],
    winner: 'c#0',
  },
  {
    name: 'equal latency: the earlier stable order wins',
    candidates: [candidate({ text: 'x', source: 'b', latencyMs: 10 }), candidate({ text: 'y', source: 'a', latencyMs: 10 })],
    winner: 'a#0',
  },
  {
    name: 'cancelled generations (after the caller stopped them) are dropped',
    candidates: [
      candidate({ text: 'partial', source: 'a', latencyMs: 120, finishReason: 'cancelled' }),
      candidate({ text: 'done', source: 'b', latencyMs: 110 }),
    ],
    winner: 'b#0',
  },
  {
    name: 'JSON mode: the first answer that parses and matches the schema',
    candidates: [
      candidate({ text: 'Sure! {"a": 1}', source: 'a', latencyMs: 10 }),
      candidate({ text: '{"b": 1}', source: 'b', latencyMs: 20 }),
      candidate({ text: '{"a": 1}', source: 'c', latencyMs: 30 }),
    ],
    options: { json: { schema: { type: 'object', required: ['a'] } } },
    winner: 'c#0',
  },
  {
    name: 'none valid: least bad by badness, then by latency',
    candidates: [
      candidate({ text: '', source: 'a', latencyMs: 5 }),
      candidate({ text: 'cut late', source: 'b', latencyMs: 300, finishReason: 'length' }),
      candidate({ text: 'cut early', source: 'c', latencyMs: 200, finishReason: 'length' }),
      candidate({ text: 'boom', source: 'd', latencyMs: 1, finishReason: 'error' }),
    ],
    winner: 'c#0',
    valid: false,
  },
];

describe('firstValid', () => {
  it.each(rows)('$name', ({ candidates, options, winner, valid }) => {
    const verdict = firstValid(candidates, options);
    expect(rankingIds(verdict)[0]).toBe(winner);
    expect(verdict.valid).toBe(valid ?? true);
    expect(verdict.strategy).toBe('first_valid');
  });

  it('ranks dropped candidates by badness, then latency', () => {
    const verdict = firstValid(rows[4]?.candidates ?? []);
    expect(rankingIds(verdict)).toEqual(['c#0', 'b#0', 'd#0', 'a#0']);
  });

  it('gives the same verdict whatever the input order', () => {
    const input = rows[0]?.candidates ?? [];
    const reference = portable(firstValid(input), input);
    for (const seed of [10, 20, 30]) {
      const reordered = shuffled(input, seed);
      expect(portable(firstValid(reordered), reordered)).toEqual(reference);
    }
  });
});
