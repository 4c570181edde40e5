import { firstSentence } from './first-sentence';

describe('firstSentence', () => {
  it.each([
    ['Paris. It is big.', 'Paris.'],
    ['Paris', 'Paris'],
    ['\n\n  Rome is old!  Very.', 'Rome is old!'],
    ['Is it Rome? Yes.', 'Is it Rome?'],
    ['Washington, D.C. is the capital. Yes.', 'Washington, D.C. is the capital.'],
    ['Mt. Everest is high. Yes.', 'Mt. Everest is high.'],
    ['Pi is 3.14 roughly. Yes.', 'Pi is 3.14 roughly.'],
    ['First line\nsecond line', 'First line'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
});
