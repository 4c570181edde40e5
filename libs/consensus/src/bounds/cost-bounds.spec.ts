import * as fuzzball from 'fuzzball';
import type { Candidate } from '../candidate/candidate';
import { canonicalForm } from '../canonical/canonical-form';
import { extractChoice } from '../canonical/extract-choice';
import { extractNumber } from '../canonical/extract-number';
import { extractYesNo } from '../canonical/extract-yes-no';
import { normaliseText } from '../canonical/normalise-text';
import { decide } from '../decide';
import { similarityWindowFor } from '../similarity/medoid';
import { detectLooping } from '../validation/detect-looping';
import { COST_BOUNDS, headAndTail } from './cost-bounds';

jest.mock('fuzzball', () => {
  const actual: typeof fuzzball = jest.requireActual('fuzzball');
  return { ...actual, token_set_ratio: jest.fn(actual.token_set_ratio) };
});

/** Levenshtein cells token_set_ratio was asked to fill: the product of the two compared lengths. */
function similarityCells(): number {
  return jest
    .mocked(fuzzball.token_set_ratio)
    .mock.calls.reduce((sum, [a, b]) => sum + String(a).length * String(b).length, 0);
}

const KB = 1024;

/** 64 KB of distinct words with long repeated-but-not-looping patterns. */
function distinctWords(seed: number): string {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < 64 * KB; i++) {
    const part = `w${seed}x${i} token${(i * 7 + seed) % 97} alpha${i % 13} `;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, 64 * KB);
}

/** 64 KB built to make backtracking regexes quadratic: "answer" then thousands of spaces. */
function regexHostile(seed: number): string {
  return `${`answer${' '.repeat(2000)}!${seed} `.repeat(40).slice(0, 64 * KB - 8)}${seed}`;
}

function candidate(text: string, index: number): Candidate {
  return { text, score: -index / 10, source: `peer-${index}`, sequence: 0, model: 'm', finishReason: 'stop', latencyMs: index };
}

describe('regexes stay linear on hostile input', () => {
  it.each([
    ['"answer" then 128,000 spaces and "!"', `answer${' '.repeat(128000)}!`],
    ['"answer" then 128,000 stars and spaces', `answer${'* '.repeat(64000)}!`],
    ['a label then 128,000 spaces', `(B)${' '.repeat(128000)}`],
    ['128,000 spaces then no label', `${' '.repeat(128000)}!`],
    ['a long run of punctuation before a letter', `${'!'.repeat(128000)}x`],
    ['a number with 128,000 trailing zeros', `1.${'0'.repeat(128000)}1`],
  ])('%s', (_name, text) => {
    // The extractors themselves, not canonicalForm: its window would hide a quadratic regex.
    const started = performance.now();
    extractChoice(text);
    extractYesNo(text);
    extractNumber(text);
    normaliseText(text);
    // A ceiling no loaded machine reaches in linear time (~2 ms here), while the quadratic
    // regexes these replace took ~1.4 s on 32,000 characters, so ~20 s on these 128,000.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('finds the same labels as before around long runs', () => {
    expect(canonicalForm(`answer:${' '.repeat(5000)}B`)).toEqual({ kind: 'choice', key: 'B' });
    expect(canonicalForm(`**Answer:**${' '.repeat(5000)}**yes**`)).toEqual({ kind: 'yes_no', key: 'yes' });
    expect(canonicalForm(`(C)${' '.repeat(5000)}Paris`)).toEqual({ kind: 'choice', key: 'C' });
  });
});

describe('bounded windows', () => {
  it('every window is bounded, so a 1 MiB candidate costs what its window costs', () => {
    const huge = 'x'.repeat(1024 * KB);
    const { canonical, looping } = COST_BOUNDS;
    expect(headAndTail(huge, canonical.headChars, canonical.tailChars, '\n').length).toBeLessThanOrEqual(16 * KB);
    expect(headAndTail(huge, 0, looping.tailChars, '').length).toBeLessThanOrEqual(4 * KB);
    expect(COST_BOUNDS.similarity.headChars + COST_BOUNDS.similarity.tailChars).toBeLessThanOrEqual(1500);
  });

  it('similarity over 64 long distinct answers fits the pair budget', () => {
    const texts = Array.from({ length: 64 }, (_, i) => distinctWords(i));
    const window = similarityWindowFor(texts);
    const pairs = (64 * 63) / 2;
    expect(pairs * window * window).toBeLessThanOrEqual(COST_BOUNDS.similarity.pairBudget);
    // A few short answers keep the full window: normal answers are compared exactly as before.
    expect(similarityWindowFor(['Paris', 'Lyon', 'The capital is Paris.'])).toBe(1500);
  });

  it('labels are looked for in the opening and the end of a long text, not in its middle', () => {
    const filler = 'alpha beta gamma delta '.repeat(600);
    expect(canonicalForm(`${filler}I pick (B).${filler}`).kind).toBe('text');
    expect(canonicalForm(`${filler}${filler}I pick (B).`)).toEqual({ kind: 'choice', key: 'B' });
    expect(canonicalForm(`(B) Paris.${filler}${filler}`)).toEqual({ kind: 'choice', key: 'B' });
  });

  it('a loop in the tail of a long text is still found; one only in the far head is not looked for', () => {
    expect(detectLooping(`${distinctWords(1)}${'I hope this helps! '.repeat(5)}`)).toBe(true);
    expect(detectLooping(`${'I hope this helps! '.repeat(5)}${distinctWords(1)}`)).toBe(false);
  });
});

describe('decide() on 64 candidates of 64 KB, worst case', () => {
  it('stays within a generous ceiling (before the windows: ~17 s on one core)', () => {
    const candidates = Array.from({ length: 64 }, (_, i) =>
      candidate(i % 2 === 0 ? regexHostile(i) : distinctWords(i), i),
    );
    decide(candidates.slice(0, 4), { strategy: 'majority' }); // warm up the JIT
    jest.mocked(fuzzball.token_set_ratio).mockClear();
    const started = performance.now();
    const verdict = decide(candidates, { strategy: 'majority' });
    // ~80 ms measured on one loaded core; without the windows ~17 s.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(verdict.valid).toBe(true);
    // Every pair was compared within the budget (whole 64 KB texts would be 2,016 × 64 KB²).
    expect(jest.mocked(fuzzball.token_set_ratio).mock.calls.length).toBeGreaterThan(0);
    expect(similarityCells()).toBeLessThanOrEqual(COST_BOUNDS.similarity.pairBudget * 1.1);
  });
});
