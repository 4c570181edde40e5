import { containsPhrase, normaliseAnswer } from './normalise-answer';

describe('normaliseAnswer', () => {
  it.each([
    ['The Nile', 'nile'],
    ['Washington, D.C.', 'washington d c'],
    ['  São   Paulo ', 'sao paulo'],
    ['1,000,000 people', '1000000 people'],
    ['3.14', '3.14'],
    ['red, 3,4', 'red 3 4'],
    ['H₂O', 'h2o'],
    ['an apple a day', 'apple day'],
    ['100°C', '100 c'],
    ['A', ''],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseAnswer(text)).toBe(expected);
  });
});

describe('containsPhrase', () => {
  it('matches whole words only', () => {
    expect(containsPhrase('capital is new delhi', 'delhi')).toBe(true);
    expect(containsPhrase('capital is new delhi', 'new delhi')).toBe(true);
    expect(containsPhrase('capital is newdelhi', 'delhi')).toBe(false);
    expect(containsPhrase('anything', '')).toBe(false);
  });
});
