import { findFactualSetProblems, parseFactualSet } from './factual-set';
import { loadFactualTasks } from './load-factual-tasks';

describe('tools/eval/data/factual.json', () => {
  it('is a valid set of at least 250 questions', () => {
    const tasks = loadFactualTasks();
    expect(tasks.length).toBeGreaterThanOrEqual(250);
    expect(tasks.every((task) => task.family === 'factual')).toBe(true);
  });
});

describe('findFactualSetProblems', () => {
  const entry = (id: string, question: string, answers: unknown): Record<string, unknown> => ({ id, question, answers });

  it('accepts a good set', () => {
    expect(findFactualSetProblems([entry('1', 'Capital of France?', ['Paris'])])).toEqual([]);
  });
  it.each([
    ['not an array', { id: 1 }, /not a JSON array/],
    ['a duplicate id', [entry('1', 'A?', ['x']), entry('1', 'B?', ['y'])], /duplicate id 1/],
    ['a duplicate question (normalised)', [entry('1', 'The capital of France?', ['x']), entry('2', 'capital of  france', ['x'])], /duplicate question/],
    ['an empty question', [entry('1', ' ', ['x'])], /question must be a non-empty string/],
    ['no answers', [entry('1', 'A?', [])], /answers must be a non-empty array/],
    ['an empty alias', [entry('1', 'A?', [''])], /non-empty string/],
    ['an alias that is only an article', [entry('1', 'First letter?', ['A'])], /normalises to nothing/],
    ['an alias repeated after normalising', [entry('1', 'Q?', ['the Moon', 'moon'])], /repeats another alias/],
    ['an alias inside its question', [entry('1', 'What is the capital of Singapore?', ['Singapore'])], /appears in the question/],
  ])('reports %s', (_name, data, message) => {
    expect(findFactualSetProblems(data).join('\n')).toMatch(message);
  });
  it('parse throws on a bad set and lists the problems', () => {
    expect(() => parseFactualSet([entry('', 'A?', ['x'])])).toThrow(/id must be a non-empty string/);
  });
});
