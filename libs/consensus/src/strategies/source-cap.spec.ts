import type { Candidate } from '../candidate/candidate';
import { decide } from '../decide';
import { candidate, fromSource, portable, rankingIds, shuffled, winnerText } from '../testing/candidate-fixture';
import { DOMINANT_SOURCE_MARGIN } from '../weighting/cap-dominant-source';
import { STRATEGY_NAMES } from './strategy-name';

/** A peer flooding the vote: 64 identical candidates with the best possible score. */
const flood = (text: string, overrides: Partial<Candidate> = {}): Candidate[] =>
  fromSource('flooder', Array.from({ length: 64 }, () => text), { score: -0.9, latencyMs: 500, ...overrides });

describe('no source above half of the weight, in every strategy', () => {
  it.each(STRATEGY_NAMES)('%s: 64 copies from one peer weigh as much as the 3 local candidates, not more', (strategy) => {
    const input = [...flood('Lyon'), ...fromSource('local', ['Paris', 'Paris', 'Paris'], { score: -0.5, latencyMs: 100 })];
    const verdict = decide(input, { strategy });
    expect(verdict.groups.map((group) => group.key)).toEqual(['text:paris', 'text:lyon']);
    expect(verdict.groups[0]?.weight).toBeCloseTo(verdict.groups[1]?.weight ?? 0, 10);
    expect(verdict.agreement).toBeCloseTo(0.5, 10);
    // weighted_vote already shares each source's weight among its candidates: nothing to clamp.
    if (strategy !== 'weighted_vote') expect(verdict.notes.join('\n')).toContain('clamped to 50%');
  });

  it('majority: the flood no longer outvotes the local candidates (a tie, lost on score)', () => {
    const verdict = decide([...flood('Lyon'), ...fromSource('local', ['Paris', 'Paris', 'Paris'], { score: -0.5 })], { strategy: 'majority' });
    expect(winnerText(verdict)).toBe('Paris');
  });

  it('majority: the flood is capped, not vetoed: it beats a split field and loses to everyone else agreeing', () => {
    const input = [
      ...flood('Lyon', { score: 0 }),
      ...fromSource('local', ['Paris', 'Paris']),
      candidate({ text: 'Paris', source: 'peer-b' }),
      candidate({ text: 'Paris', source: 'peer-c' }),
      candidate({ text: 'Rome', source: 'peer-d' }),
    ];
    // The others hold 5 votes, so the flood is scaled to just under 5: more than Paris's 4.
    expect(winnerText(decide(input, { strategy: 'majority' }))).toBe('Lyon');
    // Everyone else agreeing wins, though the flood claims the best score (a tie would be its).
    const agreeing = input.map((entry) => (entry.text === 'Rome' ? { ...entry, text: 'Paris' } : entry));
    const verdict = decide(agreeing, { strategy: 'majority' });
    expect(winnerText(verdict)).toBe('Paris');
    expect(verdict.groups.map((group) => group.weight)).toEqual([5, expect.closeTo(5 * (1 - DOMINANT_SOURCE_MARGIN), 10)]);
  });

  it('majority: one source alone, and sources of equal counts, keep one vote per candidate', () => {
    const alone = decide(fromSource('local', ['42', '42', '41', '42', '41']), { strategy: 'majority' });
    expect(alone.groups.map((group) => [group.key, group.weight])).toEqual([
      ['number:42', 3],
      ['number:41', 2],
    ]);
    expect(alone.notes).toEqual([]);
    const equal = decide([...fromSource('a', ['42', '41']), ...fromSource('b', ['42', '42']), ...fromSource('c', ['41', '7'])], {
      strategy: 'majority',
    });
    expect(equal.groups.map((group) => [group.key, group.weight])).toEqual([
      ['number:42', 3],
      ['number:41', 2],
      ['number:7', 1],
    ]);
    expect(equal.notes).toEqual([]);
  });

  it('majority: a node with more instances than its one peer is scaled to the peer (its 2 of 3 lose to the peer)', () => {
    const input = [...fromSource('local', ['Paris', 'Paris', 'Rome']), candidate({ text: 'Lyon', source: 'peer' })];
    const verdict = decide(input, { strategy: 'majority' });
    expect(winnerText(verdict)).toBe('Lyon');
    expect(verdict.groups.map((group) => [group.key, group.weight])).toEqual([
      ['text:lyon', 1],
      ['text:paris', expect.closeTo(2 / 3, 10)],
      ['text:rome', expect.closeTo(1 / 3, 10)],
    ]);
  });

  it('majority: the capped verdict does not depend on input order', () => {
    const input = [...flood('Lyon').slice(0, 9), ...fromSource('local', ['Paris', 'paris.', 'Rome']), candidate({ text: 'Rome', source: 'b' })];
    const reference = portable(decide(input, { strategy: 'majority' }), input);
    for (const seed of [3, 17, 2024]) {
      const reordered = shuffled(input, seed);
      expect(portable(decide(reordered, { strategy: 'majority' }), reordered)).toEqual(reference);
    }
    expect(rankingIds(decide(input, { strategy: 'majority' }))[0]).toBe('flooder#0');
  });
});
