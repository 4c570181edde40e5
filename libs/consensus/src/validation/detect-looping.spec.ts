import { detectLooping } from './detect-looping';

const PROSE =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age ' +
  'of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season ' +
  'of Light, it was the season of Darkness.';

const LIST = ['Steps:', '1. Open the file.', '2. Open the editor.', '3. Open the terminal.', '4. Save the file.'].join(
  '\n',
);

const TABLE = [
  '| name | value | value | value |',
  '| ---- | ----- | ----- | ----- |',
  '| a    | 0     | 0     | 0     |',
  '| b    | 1     | 1     | 1     |',
].join('\n');

const CODE = [
  'for (let i = 0; i < 3; i++) {',
  '  total += i;',
  '}',
  'for (let j = 0; j < 3; j++) {',
  '  total -= j;',
  '}',
  '// ' + '='.repeat(100),
].join('\n');

describe('detectLooping', () => {
  const table: readonly (readonly [string, string, boolean])[] = [
    // loops
    ['a sentence said 5 times', 'I hope this helps! '.repeat(5), true],
    ['a sentence said 3 times then cut', 'The answer is 4. '.repeat(3) + 'The ans', true],
    ['one word 12 times', 'no '.repeat(12), true],
    ['a 2-word unit 6 times', 'thank you '.repeat(6), true],
    ['a loop after a normal start', `${PROSE} And so, ${'we go round and round again. '.repeat(4)}`, true],
    ['a tail repeating the 8+ words before it', `Done. ${'Thank you for reading this answer, I hope it helps. '.repeat(2)}`, true],
    ['a tail repeat cut mid-word after 2 copies', `Intro. ${'The capital of France is Paris and it is big. '.repeat(2)}The cap`, true],
    ['characters without spaces (CJK)', '好的'.repeat(50), true],
    ['a long CJK sentence looping', '我们需要更多的数据来回答这个问题。'.repeat(6), true],
    ['symbols', '!'.repeat(100), true],
    ['laughter forever', 'ha'.repeat(50), true],
    // not loops
    ['empty', '', false],
    ['a short answer', 'Paris', false],
    ['emphasis', 'This is very very very good.', false],
    ['a famous anaphora', PROSE, false],
    ['a numbered list with a repeated verb', LIST, false],
    ['a markdown table with repeated cells', TABLE, false],
    ['code with similar loops and a rule line', CODE, false],
    ['a long horizontal rule', '-'.repeat(200), false],
    ['a setext heading underline', `Title\n${'='.repeat(120)}\ntext`, false],
    ['a table separator row', `| ${'--- | '.repeat(30)}`, false],
    ['a refrain said twice, short', 'Row, row, row your boat. Row, row, row your boat.', false],
    ['complete JSON with identical records', JSON.stringify(Array.from({ length: 10 }, () => ({ a: 0, b: 0 }))), false],
    ['the same 7 words twice at the end', 'Intro. I think that it is fine now. I think that it is fine now.', false],
  ];

  it.each(table)('%s -> %s', (_name, text, expected) => {
    expect(detectLooping(text)).toBe(expected);
  });

  it('stays fast on a long answer (linear in length for a bounded unit size)', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const started = performance.now();
    expect(detectLooping(long)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
