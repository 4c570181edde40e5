import { shuffled } from '../testing/candidate-fixture';
import { mergeByContainment, type ShortAnswer } from './merge-by-containment';

function text(words: string, members = 1, firstRank = 0): ShortAnswer {
  return { words: words === '' ? [] : words.split(' ').sort(), kind: 'text', members, firstRank };
}

/** Which inputs share a class, as sorted lists of input numbers: independent of class numbering. */
function partition(answers: readonly ShortAnswer[]): number[][] {
  const classes = new Map<number, number[]>();
  mergeByContainment(answers).forEach((group, index) => classes.set(group, [...(classes.get(group) ?? []), index]));
  return [...classes.values()].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

describe('mergeByContainment', () => {
  it('joins equal word sets', () => {
    expect(partition([text('tehran'), text('tehran', 1, 1), text('tabriz', 1, 2)])).toEqual([[0, 1], [2]]);
  });

  it('joins a set contained in another ("Paris" in "Paris, Texas", "York" in "New York")', () => {
    expect(partition([text('paris'), text('paris texas', 1, 1)])).toEqual([[0, 1]]);
    expect(partition([text('york'), text('new york', 1, 1)])).toEqual([[0, 1]]);
  });

  it('never joins across a negation: "not Paris" is not "Paris"', () => {
    expect(partition([text('paris'), text('not paris', 1, 1)])).toEqual([[0], [1]]);
  });

  it('a container of rival answers joins neither ("Paris or Lyon")', () => {
    expect(partition([text('paris'), text('lyon', 1, 1), text('lyon or paris', 1, 2)])).toEqual([[0], [1], [2]]);
  });

  it('never merges empty sets', () => {
    expect(partition([text(''), text(''), text('paris')])).toEqual([[0], [1], [2]]);
  });

  it('merges quantities only when equal, never by containment', () => {
    const quantity = (words: string, firstRank: number): ShortAnswer => ({ ...text(words, 1, firstRank), kind: 'quantity' });
    expect(partition([quantity('1000 m', 0), quantity('1000 m', 1), quantity('1000', 2), quantity('1000 g', 3)])).toEqual([[0, 1], [2], [3]]);
  });

  it('joins the closest container (fewest extra words), then follows it up', () => {
    // {a} is in {a b} and {a c d}: it joins {a b}; {a b} is in {a b e}, so all three are one.
    expect(partition([text('a'), text('a b', 1, 1), text('a c d', 1, 2), text('a b e', 1, 3)])).toEqual([[0, 1, 3], [2]]);
  });

  it('gives the same partition whatever the input order', () => {
    const answers = [text('a'), text('a b', 2, 1), text('a c', 2, 2), text('not a', 1, 3), text('b c', 1, 4), text('a', 1, 5), text('x y', 1, 6), text('y', 1, 7)];
    const canonical = (items: readonly ShortAnswer[]): string[] => {
      const groups = mergeByContainment(items);
      const members = new Map<number, number[]>();
      items.forEach((item, index) => members.set(groups[index] ?? -1, [...(members.get(groups[index] ?? -1) ?? []), item.firstRank]));
      return [...members.values()].map((ranks) => ranks.sort((x, y) => x - y).join(',')).sort();
    };
    const expected = canonical(answers);
    for (let seed = 1; seed <= 20; seed++) expect(canonical(shuffled(answers, seed))).toEqual(expected);
  });

  it('handles many groups in one pass: 200 distinct answers, each contained in its own container', () => {
    const answers = Array.from({ length: 200 }, (_, i) => text(i % 2 === 0 ? `w${i}` : `w${i - 1} extra${i}`, 1, i));
    const groups = mergeByContainment(answers);
    expect(new Set(groups).size).toBe(100);
    expect(groups[0]).toBe(groups[1]);
  });
});
