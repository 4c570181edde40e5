import { COST_BOUNDS } from '../bounds/cost-bounds';
import { answerWords } from './answer-words';
import { questionWords } from './question-words';
import * as tokenise from './tokenise-words';

const iran = questionWords('What is the capital of Iran?');

describe('answerWords', () => {
  it("drops the question's own words, stop words and filler", () => {
    expect(answerWords('The capital of Iran is Tehran.', iran)).toEqual(['tehran']);
    expect(answerWords('I think the answer is Tehran', iran)).toEqual(['tehran']);
    expect(answerWords("Iran's capital is called Tehran!", iran)).toEqual(['tehran']);
  });

  it('keeps negation words, even when the question holds them', () => {
    expect(answerWords('Not Tehran.', iran)).toEqual(['not', 'tehran']);
    expect(answerWords("It isn't Tehran", questionWords('Is it not Tehran?'))).toEqual(['not']);
  });

  it('is empty for a text that is only filler and question words', () => {
    expect(answerWords('The capital of Iran is...', iran)).toEqual([]);
  });

  it('is empty for a text too long to be a short answer, without reading it', () => {
    const spy = jest.spyOn(tokenise, 'tokeniseWords');
    expect(answerWords(`Tehran ${'word '.repeat(200_000)}`, iran)).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('is empty past the answer-word limit', () => {
    const words = Array.from({ length: COST_BOUNDS.grouping.answerWords + 1 }, (_, i) => `w${i}x`);
    expect(answerWords(words.join(' '), iran)).toEqual([]);
    expect(answerWords(words.slice(1).join(' '), iran)).toHaveLength(COST_BOUNDS.grouping.answerWords);
  });
});

describe('questionWords', () => {
  it('reads only the first questionChars of a huge question, dropping the word cut at the edge', () => {
    const spy = jest.spyOn(tokenise, 'tokeniseWords');
    const limit = COST_BOUNDS.grouping.questionChars;
    const words = questionWords(`${'a'.repeat(limit - 4)} paris ${'x'.repeat(1024 * 1024)}`);
    expect(spy.mock.calls.every(([text]) => text.length <= limit)).toBe(true);
    expect(words.has('par')).toBe(false);
    spy.mockRestore();
  });

  it('is empty without a question', () => {
    expect(questionWords(undefined).size).toBe(0);
  });
});
