import type { ArithmeticTask, FactualTask } from '../tasks/eval-task';
import { scoreAnswer } from './score-answer';

const factual = (answers: string[], question = 'Q?'): FactualTask => ({ family: 'factual', id: 't', question, answers });
const arithmetic = (answer: number): ArithmeticTask => ({ family: 'arithmetic', id: 'a', question: 'Q?', answer, form: 'add' });

describe('scoreAnswer: factual', () => {
  const capitalOfUs = factual(['Washington, D.C.', 'Washington DC', 'Washington']);
  const paris = factual(['Paris']);

  it.each([
    ['Paris', true],
    ['paris.', true],
    ['The capital of France is Paris.', true],
    ['  \n**Paris**', true],
    ['PARIS!', true],
    ['Parisian food is famous.', false],
    ['Lyon. Paris is bigger.', false],
    ['Lyon\nParis', false],
    ['', false],
    ['The answer is Paris, the City of Light. It is big.', true],
  ])('Paris vs %j -> %s', (text, expected) => {
    expect(scoreAnswer(paris, text)).toBe(expected);
  });

  it.each([
    ['Washington, D.C.', true],
    ['Washington D.C. is the capital of the United States.', true],
    ['The capital is Washington DC.', true],
    ['washington', true],
    ['Washingtonia is a palm.', false],
    ['New York. Washington was president.', false],
  ])('Washington vs %j -> %s', (text, expected) => {
    expect(scoreAnswer(capitalOfUs, text)).toBe(expected);
  });

  it('ignores accents, articles and thousands separators', () => {
    expect(scoreAnswer(factual(['Bogota']), 'Bogotá')).toBe(true);
    expect(scoreAnswer(factual(['the Nile']), 'It is the Nile River.')).toBe(true);
    expect(scoreAnswer(factual(['1000']), 'There are 1,000 meters.')).toBe(true);
  });
  it('keeps decimals whole: 3.14 is not 3 and 14, and 3.14159 is not 3.14', () => {
    expect(scoreAnswer(factual(['3.14']), 'Pi is about 3.14.')).toBe(true);
    expect(scoreAnswer(factual(['14']), 'Pi is about 3.14.')).toBe(false);
    expect(scoreAnswer(factual(['3.14']), 'Pi is 3.14159.')).toBe(false);
  });
  it('matches numbers and their words as given by the aliases', () => {
    const spider = factual(['8', 'eight']);
    expect(scoreAnswer(spider, 'A spider has 8 legs.')).toBe(true);
    expect(scoreAnswer(spider, 'Eight legs.')).toBe(true);
    expect(scoreAnswer(spider, 'A spider has 80 legs.')).toBe(false);
  });
  it('does not cut a sentence at an initial', () => {
    expect(scoreAnswer(factual(['Rowling']), 'J. K. Rowling wrote them.')).toBe(true);
    expect(scoreAnswer(factual(['St. Louis']), 'It is St. Louis.')).toBe(true);
  });
});

describe('scoreAnswer: arithmetic', () => {
  it.each([
    ['12 + 7 = 19, 19 - 5 = 14.\nAnswer: 14', 14, true],
    ['Answer: 14', 14, true],
    ['answer: 14', 14, true],
    ['**Answer:** 14', 14, true],
    ['The answer is 14.', 14, true],
    ['Answer: 1,204', 1204, true],
    ['Answer: 12.0', 12, true],
    ['Answer: -3', -3, true],
    ['10-3=7', 7, true],
    ['First 12 + 2 = 14, then 14 - 5 = 9', 9, true],
    ['Answer: 9 (since 14 - 5 = 9)', 9, true],
    ['Answer: 15\nWait, I think it is 14.', 14, false],
    ['Answer: fourteen. 3 apples left', 14, false],
    ['There are 14 apples and 3 pears.', 14, false],
    ['I do not know.', 14, false],
    ['Answer: 140', 14, false],
  ])('%j with answer %d -> %s', (text, answer, expected) => {
    expect(scoreAnswer(arithmetic(answer), text)).toBe(expected);
  });
});
