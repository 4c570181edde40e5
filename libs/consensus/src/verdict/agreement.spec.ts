import type { Candidate } from '../candidate/candidate';
import { bestOfN } from '../strategies/best-of-n';
import { firstValid } from '../strategies/first-valid';
import { majority } from '../strategies/majority';
import { weightedVote } from '../strategies/weighted-vote';
import { candidate, fromSource, shuffled } from '../testing/candidate-fixture';

const truncated = (text: string, sequence: number, source = 'local'): Candidate =>
  candidate({ text, source, sequence, finishReason: 'length' });

describe('honest agreement', () => {
  it('6 of 7 truncated: agreement 1/7, low confidence, and the drop reasons counted', () => {
    const input = [candidate({ text: 'Paris' }), ...[1, 2, 3, 4, 5, 6].map((sequence) => truncated('Paris is the', sequence))];
    const verdict = majority(input);
    expect(verdict.agreement).toBeCloseTo(1 / 7, 12);
    expect(verdict.lowConfidence).toBe(true);
    expect(verdict.askedFor).toBe(7);
    expect(verdict.validCount).toBe(1);
    expect(verdict.dropReasons).toEqual({ truncated: 6 });
  });

  it('a unanimous vote with nothing dropped keeps agreement 1 and entropy 0', () => {
    const verdict = majority(fromSource('local', ['4', '4', '4']));
    expect(verdict).toMatchObject({ agreement: 1, lowConfidence: false, askedFor: 3, validCount: 3, dropReasons: {}, entropy: 0 });
  });

  it('dropped candidates count under the same per-source cap as votes', () => {
    // The peer's 6 empty answers would have weighed at most the local source's 3 votes.
    const input = [...fromSource('local', ['Paris', 'Paris', 'Paris']), ...fromSource('peer', ['', '', '', '', '', ''])];
    const verdict = majority(input);
    expect(verdict.agreement).toBeCloseTo(0.5, 12);
    expect(verdict.dropReasons).toEqual({ empty: 6 });
  });

  it('under weighted_vote a dropped candidate counts with its source and model weight', () => {
    const input = [candidate({ text: 'Paris', source: 'a' }), candidate({ text: 'Lyon', source: 'b', finishReason: 'length' }), candidate({ text: 'Paris', source: 'c' })];
    const verdict = weightedVote(input, { sourceWeights: { a: 1, b: 2, c: 1 } });
    // a = 1, c = 1, b (dropped) = 2 but capped just under the others' 2.
    expect(verdict.agreement).toBeCloseTo(2 / (4 - 2e-3), 9);
    expect(verdict.lowConfidence).toBe(false);
    const silenced = weightedVote(input, { sourceWeights: { a: 1, b: 0, c: 1 } });
    expect(silenced.agreement).toBe(1);
  });

  it('under weighted_vote a source whose other samples were dropped keeps only its share', () => {
    const input = [candidate({ text: 'Paris', source: 'a', sequence: 0 }), truncated('Par', 1, 'a'), candidate({ text: 'Paris', source: 'b' })];
    const verdict = weightedVote(input);
    // a: 0.5 voting + 0.5 dropped, b: 1.
    expect(verdict.agreement).toBeCloseTo(1.5 / 2, 12);
  });

  it('candidates asked for that never arrived count one each at the mean voting weight', () => {
    const verdict = majority(fromSource('local', ['4', '4', '5']), { askedFor: 5 });
    expect(verdict.agreement).toBeCloseTo(2 / 5, 12);
    expect(verdict.lowConfidence).toBe(true);
    expect(verdict.askedFor).toBe(5);
    expect(verdict.validCount).toBe(3);
    expect(verdict.entropy).toBeCloseTo(-(0.4 * Math.log(0.4) * 2 + 0.2 * Math.log(0.2)), 12);
  });

  it('askedFor below the candidates given is raised to them', () => {
    const verdict = majority(fromSource('local', ['4', '4']), { askedFor: 1 });
    expect(verdict).toMatchObject({ askedFor: 2, agreement: 1 });
  });

  it('askedFor must be a non-negative integer', () => {
    for (const askedFor of [-1, 1.5, Number.NaN, Infinity]) {
      expect(() => majority(fromSource('local', ['4']), { askedFor })).toThrow(/askedFor/);
    }
  });

  it('entropy: two equal groups give ln 2; a no-answer bucket adds to it', () => {
    expect(majority(fromSource('local', ['4', '4', '5', '5'])).entropy).toBeCloseTo(Math.LN2, 12);
    const withDrops = majority([...fromSource('local', ['4', '5']), truncated('4', 2), truncated('5', 3)]);
    // Two groups of 1/4 and a no-answer bucket of 1/2.
    expect(withDrops.entropy).toBeCloseTo(-2 * (0.25 * Math.log(0.25)) - 0.5 * Math.log(0.5), 12);
  });

  it('every strategy reports it, including best_of_n, first_valid and the all-dropped and empty paths', () => {
    const input = [candidate({ text: '4', score: -0.1 }), truncated('4', 1), candidate({ text: '5', sequence: 2, score: -0.2 })];
    expect(bestOfN(input).agreement).toBeCloseTo(1 / 3, 12);
    expect(firstValid(input).agreement).toBeCloseTo(1 / 3, 12);
    const allDropped = majority([truncated('4', 0), truncated('4', 1)], { askedFor: 3 });
    expect(allDropped).toMatchObject({ agreement: 0, lowConfidence: true, askedFor: 3, validCount: 0, dropReasons: { truncated: 2 }, entropy: 0 });
    expect(majority([], { askedFor: 4 })).toMatchObject({ agreement: 0, askedFor: 4, validCount: 0, dropReasons: {}, entropy: 0 });
  });

  it('does not depend on the order of the candidates', () => {
    const input = [
      ...fromSource('local', ['Paris', 'Paris', 'Lyon']),
      truncated('Par', 3),
      candidate({ text: 'Paris', source: 'peer' }),
      candidate({ text: '', source: 'peer', sequence: 1 }),
    ];
    const expected = majority(input, { askedFor: 8 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const verdict = majority(shuffled(input, seed), { askedFor: 8 });
      expect(verdict.agreement).toBeCloseTo(expected.agreement, 12);
      expect(verdict.entropy).toBeCloseTo(expected.entropy, 12);
      expect(verdict.dropReasons).toEqual(expected.dropReasons);
    }
  });
});
