import { quantityWords } from './quantity-words';
import { shiftDecimal } from './shift-decimal';

describe('quantityWords', () => {
  it.each([
    ['1 km', '1', ['1000', 'm']],
    ['1,000 m', '1000', ['1000', 'm']],
    ['It is 1000 meters.', '1000', ['1000', 'm']],
    ['0.5 kg', '0.5', ['500', 'g']],
    ['25 %', '25', ['25', '%']],
    ['25 percent', '25', ['25', '%']],
  ])('%s is %j in base units', (text, key, words) => {
    expect(quantityWords(text, key)).toEqual(words);
  });

  it('is empty for a bare number or an unknown unit: those group by their canonical form only', () => {
    expect(quantityWords('1000', '1000')).toEqual([]);
    expect(quantityWords('5 apples', '5')).toEqual([]);
  });

  it('reads the unit of the answered number, not of another', () => {
    expect(quantityWords('From 3 km away, it is 40 m tall', '40')).toEqual(['40', 'm']);
  });

  it('is empty for a long text', () => {
    expect(quantityWords(`${'x '.repeat(1000)} 1 km`, '1')).toEqual([]);
  });
});

describe('shiftDecimal', () => {
  it.each([
    ['1.5', 3, '1500'],
    ['25', -2, '0.25'],
    ['0.001', 3, '1'],
    ['-2', -3, '-0.002'],
    ['0', 3, '0'],
    ['1000', -3, '1'],
  ])('%s × 10^%d = %s', (value, exponent, expected) => {
    expect(shiftDecimal(value, exponent)).toBe(expected);
  });
});
