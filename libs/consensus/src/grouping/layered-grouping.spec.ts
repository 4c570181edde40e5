import { decide } from '../decide';
import type { ConsensusOptions } from '../options/consensus-options';
import { fromSource, portable, shuffled } from '../testing/candidate-fixture';
import { MEDOID_NOTE } from '../voting/vote';

const iran = 'What is the capital of Iran?';

function groupsOf(texts: readonly string[], options: Omit<ConsensusOptions, 'strategy'> = {}): { texts: string[]; layer: string }[] {
  const candidates = fromSource('local', texts);
  return decide(candidates, { strategy: 'majority', ...options }).groups.map((group) => ({
    texts: group.memberIndexes.map((index) => candidates[index]?.text ?? '?').sort(),
    layer: group.layer,
  }));
}

describe('layered grouping in decide()', () => {
  it('majority picks a Tehran answer with agreement 2/3 for "What is the capital of Iran?"', () => {
    const verdict = decide(fromSource('local', ['Tehran', 'The capital of Iran is Tehran.', 'Tabriz']), { strategy: 'majority', question: iran });
    expect(verdict.winner?.candidate.text).toMatch(/Tehran/u);
    expect(verdict.agreement).toBeCloseTo(2 / 3, 10);
    expect(verdict.groups.map((group) => [group.key, group.layer])).toEqual([
      ['text:tehran', 'short_answer'],
      ['text:tabriz', 'canonical'],
    ]);
    expect(verdict.winner?.groupKey).toBe('text:tehran');
  });

  it("removes the question's words: 'The capital of France is Paris' votes with 'Paris'", () => {
    const question = 'What is the capital of France?';
    expect(groupsOf(['The capital of France is Paris', 'Paris'], { question })).toEqual([
      { texts: ['Paris', 'The capital of France is Paris'], layer: 'short_answer' },
    ]);
    // Without the question, "capital" and "france" are answer words, so containment still joins them.
    expect(groupsOf(['The capital of France is Paris', 'Paris'])[0]?.layer).toBe('short_answer');
  });

  it('keeps near misses apart: negation, 1 vs 11, different numbers with one unit', () => {
    expect(groupsOf(['Not Paris', 'Paris', 'Paris.'], { question: 'Which city?' }).map((group) => group.texts)).toEqual([['Paris', 'Paris.'], ['Not Paris']]);
    expect(groupsOf(['1', '11', '1', '11 m']).map((group) => group.layer)).toEqual(['canonical', 'canonical']);
    expect(groupsOf(['5 m', '6 m', '5 m', '6 meters']).map((group) => group.texts)).toEqual([['5 m', '5 m'], ['6 m', '6 meters']]);
  });

  it('normalises numbers with units: 1 km = 1,000 m = 1000 meters', () => {
    expect(groupsOf(['1 km', '1,000 m', 'It is 1000 meters.', '2 km', '3 kg'])).toEqual([
      { texts: ['1 km', '1,000 m', 'It is 1000 meters.'], layer: 'short_answer' },
      expect.objectContaining({ texts: ['2 km'] }),
      expect.objectContaining({ texts: ['3 kg'] }),
    ]);
  });

  it('gives the same verdict whatever the input order', () => {
    const candidates = fromSource('local', ['Tehran', 'The capital of Iran is Tehran.', 'Tabriz', 'It is Tabriz', 'Not Tehran', 'Tehran, I think', '5 km']);
    const expected = portable(decide(candidates, { strategy: 'majority', question: iran }), candidates);
    for (let seed = 1; seed <= 10; seed++) {
      const input = shuffled(candidates, seed);
      expect(portable(decide(input, { strategy: 'majority', question: iran }), input)).toEqual(expected);
    }
  });

  it("grouping: 'canonical' keeps today's grouping: canonical forms, then the medoid", () => {
    const verdict = decide(fromSource('local', ['Tehran', 'The capital of Iran is Tehran.', 'Tabriz']), {
      strategy: 'majority',
      question: iran,
      grouping: 'canonical',
    });
    expect(verdict.groups).toHaveLength(3);
    expect(verdict.notes).toContain(MEDOID_NOTE);
    expect(verdict.agreement).toBeCloseTo(1 / 3, 10);
  });

  it('joins text groups by embedding when vectors are given, and says so', () => {
    const vectors = new Map<string, readonly number[]>([
      ['The Persian capital', [1, 0]],
      ['Tehran', [0.99, 0.1]],
      ['Tabriz', [0, 1]],
    ]);
    expect(groupsOf(['The Persian capital', 'Tehran', 'Tabriz'], { question: iran, semantic: { vectors, threshold: 0.9 } })).toEqual([
      { texts: ['Tehran', 'The Persian capital'], layer: 'semantic' },
      { texts: ['Tabriz'], layer: 'canonical' },
    ]);
  });

  it('reports the medoid layer when nothing grouped any two answers', () => {
    const verdict = decide(fromSource('local', ['Tehran', 'Tabriz', 'Mashhad']), { strategy: 'majority', question: iran });
    expect(verdict.groups.filter((group) => group.layer === 'medoid')).toHaveLength(1);
    expect(verdict.groups.find((group) => group.layer === 'medoid')?.memberIndexes).toEqual([verdict.winner?.index]);
  });

  it('best_of_n and first_valid report the same layered groups', () => {
    const texts = ['Tehran', 'The capital of Iran is Tehran.', 'Tabriz'];
    for (const strategy of ['best_of_n', 'first_valid'] as const) {
      const verdict = decide(fromSource('local', texts), { strategy, question: iran });
      expect(verdict.groups.map((group) => group.layer)).toEqual(['short_answer', 'canonical']);
    }
  });

  it('stays bounded: a 1 MB candidate and 200 candidates are grouped', () => {
    // Distinct words, so it is no loop: a 1 MB text is no short answer and joins nothing.
    const huge = fromSource('local', ['Tehran', `Tehran ${Array.from({ length: 150_000 }, (_, i) => `w${i}`).join(' ')}`]);
    expect(decide(huge, { strategy: 'majority', question: iran }).groups).toHaveLength(2);
    const many = fromSource('local', Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `city${i}` : `capital city${i - 1}`)));
    expect(decide(many, { strategy: 'majority', question: iran }).groups).toHaveLength(100);
  });
});
