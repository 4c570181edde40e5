import type { Candidate } from '../candidate/candidate';
import { candidate, fromSource } from '../testing/candidate-fixture';
import { DOMINANT_SOURCE_MARGIN } from '../weighting/cap-dominant-source';
import { isNonEmpty } from './ballot';
import { oneVoteBallots } from './one-vote-ballots';
import { screenCandidates } from './screen-candidates';

function weightsBySource(candidates: readonly Candidate[]): { bySource: Record<string, number>; notes: readonly string[] } {
  const voting = screenCandidates(candidates, {});
  if (!isNonEmpty(voting)) throw new Error('no voting candidates');
  const { ballots, notes } = oneVoteBallots(voting);
  const bySource: Record<string, number> = {};
  for (const ballot of ballots) {
    const { source } = ballot.entry.candidate;
    bySource[source] = (bySource[source] ?? 0) + ballot.weight;
  }
  return { bySource, notes };
}

describe('oneVoteBallots', () => {
  it('a node alone keeps one vote per candidate, however many', () => {
    const voting = screenCandidates(fromSource('local', ['a', 'b', 'c', 'd', 'e']), {});
    if (!isNonEmpty(voting)) throw new Error('no voting candidates');
    const { ballots, notes } = oneVoteBallots(voting);
    expect(ballots.map((ballot) => ballot.weight)).toEqual([1, 1, 1, 1, 1]);
    expect(notes).toEqual([]);
  });

  it('sources sending equally many candidates keep one vote each', () => {
    const result = weightsBySource([...fromSource('a', ['x', 'y']), ...fromSource('b', ['x', 'y']), ...fromSource('c', ['z', 'z'])]);
    expect(result).toEqual({ bySource: { a: 2, b: 2, c: 2 }, notes: [] });
  });

  it('one of two sources at exactly half keeps its votes', () => {
    expect(weightsBySource([...fromSource('local', ['x', 'x']), ...fromSource('a', ['y', 'z'])])).toEqual({ bySource: { local: 2, a: 2 }, notes: [] });
  });

  it('with 3+ sources, a source at exactly half is scaled just under the sum of the others', () => {
    const result = weightsBySource([...fromSource('local', ['x', 'x']), candidate({ text: 'y', source: 'a' }), candidate({ text: 'z', source: 'b' })]);
    expect(result.bySource).toEqual({ local: expect.closeTo(2 * (1 - DOMINANT_SOURCE_MARGIN), 12), a: 1, b: 1 });
  });

  it('of two sources, one above half is scaled down to the other\'s weight', () => {
    const result = weightsBySource([...fromSource('peer', Array.from({ length: 64 }, () => 'Lyon')), ...fromSource('local', ['Paris', 'Paris', 'Paris'])]);
    expect(result.bySource['local']).toBe(3);
    expect(result.bySource['peer']).toBeCloseTo(3, 10);
    expect(result.notes).toEqual(['source "peer" held 95.5% of the weight: clamped to 50% (equal to the sum of the other sources)']);
  });

  it('the local source is one source too: three instances against one peer candidate tie', () => {
    const result = weightsBySource([...fromSource('local', ['x', 'x', 'y']), candidate({ text: 'z', source: 'peer' })]);
    expect(result.bySource['local']).toBeCloseTo(1, 10);
    expect(result.bySource['peer']).toBe(1);
  });

  it('dropped candidates are not counted for the cap (only voting ones are given)', () => {
    const voting = screenCandidates([...fromSource('peer', ['', '', '', 'Lyon']), candidate({ text: 'Paris', source: 'local' })], {}).filter(
      (entry) => entry.dropReason === null,
    );
    if (!isNonEmpty(voting)) throw new Error('no voting candidates');
    expect(oneVoteBallots(voting).ballots.map((ballot) => ballot.weight)).toEqual([1, 1]);
  });
});
