import { findStopIndex } from '../generation/stop-sequences';
import { byteDetokenizer, SPLIT_CHARACTER_VOCABULARY } from '../testing/byte-detokenizer';
import { CandidateProgress, type StepEnding } from './candidate-progress';
import type { Token } from './llama-types';

const model = byteDetokenizer(SPLIT_CHARACTER_VOCABULARY);

function run(script: readonly number[], stops: string[], maxTokens = 100): { ending: StepEnding; text: string; tokens: number } {
  const progress = new CandidateProgress(model, maxTokens, { stops, trimWhitespaceSuffix: false }, undefined);
  let ending: StepEnding = null;
  for (const token of script) {
    ending = progress.add({ token: token as Token, confidence: 0.5 });
    if (ending !== null) break;
  }
  const result = progress.result(ending ?? 'stop');
  return { ending, text: result.text, tokens: result.completionTokens };
}

/** How answers ended before the text was kept incrementally: the whole answer decoded and searched at every token. */
function runByWholeText(script: readonly number[], stops: string[], maxTokens = 100): { ending: StepEnding; text: string; tokens: number } {
  const generated: Token[] = [];
  for (const token of script) {
    generated.push(token as Token);
    const text = model.detokenize(generated);
    const cut = findStopIndex(text, stops);
    if (cut !== null) return { ending: 'stop', text: text.slice(0, cut), tokens: generated.length };
    if (generated.length >= maxTokens) return { ending: 'length', text, tokens: generated.length };
  }
  return { ending: null, text: model.detokenize(generated), tokens: generated.length };
}

describe('CandidateProgress', () => {
  it('ends on a stop string that spans token boundaries, cut before it', () => {
    // "Hi" "E" "ND": the stop "END" is complete only with the third token.
    expect(run([0, 2, 3, 1], ['END'])).toEqual({ ending: 'stop', text: 'Hi', tokens: 3 });
  });

  it('finds a stop string that ends inside a character split over tokens once the character is complete', () => {
    // "Hi" then "é" as two byte tokens: the stop "é" matches only after its second byte.
    expect(run([0, 4, 5, 1], ['é'])).toEqual({ ending: 'stop', text: 'Hi', tokens: 3 });
    expect(run([0, 6, 7, 8, 1], ['i😀'])).toEqual({ ending: 'stop', text: 'H', tokens: 4 });
  });

  it('ends at max tokens with the text so far, half a character included', () => {
    expect(run([0, 6, 7, 8], [], 2)).toEqual({ ending: 'length', text: 'Hi\uFFFD', tokens: 2 });
  });

  it('ends every scripted answer with the same text, reason and token count as searching the whole text', () => {
    let state = 99;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const stopChoices = [['END'], ['é'], ['.', '\n'], ['😀 '], ['e Hi'], ['NDE', ' t'], []];
    for (let trial = 0; trial < 500; trial++) {
      const script = Array.from({ length: 1 + random(40) }, () => random(SPLIT_CHARACTER_VOCABULARY.length));
      const stops = stopChoices[random(stopChoices.length)] ?? [];
      const maxTokens = 1 + random(45);
      expect([trial, run(script, stops, maxTokens)]).toEqual([trial, runByWholeText(script, stops, maxTokens)]);
    }
  });

  it('trims trailing whitespace when the grammar asks, except after an error', () => {
    const progress = new CandidateProgress(model, 10, { stops: [], trimWhitespaceSuffix: true }, undefined);
    for (const token of [0, 11, 11]) progress.add({ token: token as Token, confidence: 1 });
    expect(progress.result('stop').text).toBe('Hi');
    expect(progress.result('error', 'boom').text).toBe('Hi\n\n');
  });
});
