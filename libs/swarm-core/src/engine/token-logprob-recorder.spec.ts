import type { Token } from './llama-types';
import { TokenLogprobRecorder, type Detokenizer } from './token-logprob-recorder';

/** Token n stands for PIECES[n]; "é" is split over tokens 3 and 4 as a real BPE vocabulary splits bytes. */
const PIECES = ['Hi', ' there', '!', '\uFFFD', '\uFFFD'];
const model: Detokenizer = {
  detokenize: (tokens) => {
    const text = tokens.map((token) => PIECES[token] ?? '').join('');
    // Tokens 3 then 4 decode to "é"; 3 alone is half a character.
    return text.replace('\uFFFD\uFFFD', 'é');
  },
};

const run = (tokens: number[], top = 0, probability = 0.5): TokenLogprobRecorder => {
  const recorder = new TokenLogprobRecorder(model, top);
  const generated: Token[] = [];
  for (const token of tokens) {
    generated.push(token as Token);
    const probabilities = new Map<Token, number>([[token as Token, probability], [2 as Token, 0.3], [1 as Token, 0.2]]);
    recorder.record({ token: token as Token, confidence: probability, probabilities }, model.detokenize(generated));
  }
  return recorder;
};

describe('TokenLogprobRecorder', () => {
  it('records each token with its text, bytes and natural-log probability', () => {
    expect(run([0, 1]).finish('Hi there')).toEqual([
      { token: 'Hi', logprob: Math.log(0.5), bytes: [72, 105], top: [] },
      { token: ' there', logprob: Math.log(0.5), bytes: [32, 116, 104, 101, 114, 101], top: [] },
    ]);
  });

  it('gives a character split over two tokens to the token that completes it', () => {
    const entries = run([0, 3, 4]).finish('Hié');
    expect(entries.map((entry) => entry.token)).toEqual(['Hi', '', 'é']);
    expect(entries[2]?.bytes).toEqual([0xc3, 0xa9]);
  });

  it('keeps the top alternatives asked for, most likely first', () => {
    const [entry] = run([0], 2, 0.5).finish('Hi');
    expect(entry?.top).toEqual([
      { token: 'Hi', logprob: Math.log(0.5), bytes: [72, 105] },
      { token: '!', logprob: Math.log(0.3), bytes: [33] },
    ]);
  });

  it('covers exactly the text a stop string cut: later tokens dropped, the cut one shortened', () => {
    const entries = run([0, 1, 2]).finish('Hi th');
    expect(entries.map((entry) => entry.token)).toEqual(['Hi', ' th']);
    expect(entries[1]?.bytes).toEqual([32, 116, 104]);
    expect(run([0, 1]).finish('')).toEqual([]);
  });

  it('gives a last incomplete character to the last token kept, so the texts still add up', () => {
    const entries = run([0, 3]).finish('Hi\uFFFD');
    expect(entries.map((entry) => entry.token).join('')).toBe('Hi\uFFFD');
  });
});
