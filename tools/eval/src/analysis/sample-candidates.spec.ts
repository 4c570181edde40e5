import { disjointGroups, toCandidate } from './sample-candidates';
import { voteOnGroup } from './group-vote';
import { sample } from './testing/record-fixture';

describe('disjointGroups', () => {
  const samples = Array.from({ length: 16 }, (_, index) => sample(String(index)));
  it.each([
    [1, 16],
    [3, 5],
    [5, 3],
    [8, 2],
    [16, 1],
    [17, 0],
  ])('k=%d gives %d groups of consecutive samples', (k, count) => {
    const groups = disjointGroups(samples, k);
    expect(groups).toHaveLength(count);
    expect(groups.every((group) => group.length === k)).toBe(true);
    expect(groups[1]?.[0]?.index).toBe(count > 1 ? k : undefined);
  });
  it('refuses a group size below 1', () => {
    expect(() => disjointGroups(samples, 0)).toThrow(RangeError);
  });
});

describe('toCandidate and voteOnGroup', () => {
  it('makes a local candidate of the run model with the sample index as its sequence', () => {
    expect(toCandidate({ index: 4, sample: sample('Paris', 3) }, 'm')).toMatchObject({ source: 'local', model: 'm', sequence: 4, text: 'Paris', completionTokens: 3 });
  });
  it('picks the biggest canonical group, skipping dropped answers', () => {
    const group = [sample('Lyon'), sample('Paris.'), sample('paris'), sample('Paris Paris Paris Paris', 24, 'length'), sample('Paris', 24, 'length')].map((entry, index) => ({ index, sample: entry }));
    const vote = voteOnGroup(group, 'majority', 'm');
    expect(vote.groupKey).toBe('text:paris');
    expect([1, 2]).toContain(vote.winnerIndex);
  });
  it('returns the least bad answer when every answer is dropped', () => {
    const vote = voteOnGroup([{ index: 0, sample: sample('Par', 24, 'length') }], 'majority', 'm');
    expect(vote.winnerText).toBe('Par');
  });
});

describe('voteOnGroup agreement', () => {
  it('reports the winner group share and when no two answers were alike', () => {
    const alike = voteOnGroup(['5', '5', '6'].map((text, index) => ({ index, sample: sample(text) })), 'majority', 'm');
    expect(alike.agreement).toBeCloseTo(2 / 3, 12);
    expect(alike.noTwoAlike).toBe(false);
    const scattered = voteOnGroup(['Lyon', 'Nice', 'Rome'].map((text, index) => ({ index, sample: sample(text) })), 'majority', 'm');
    expect(scattered.noTwoAlike).toBe(true);
  });
});
