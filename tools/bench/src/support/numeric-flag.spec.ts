import { InvalidArgumentError } from 'commander';
import { integerListFlag, numericFlag, positiveIntegerOption, positiveNumberOption } from './numeric-flag';

describe('numericFlag', () => {
  it('gives the default when the flag is absent', () => {
    expect(numericFlag('reps', undefined, 5, { min: 1 })).toBe(5);
  });
  it('reads an integer in range', () => {
    expect(numericFlag('reps', '7', 5, { min: 1, max: 100 })).toBe(7);
  });
  it('reads a fraction where allowed', () => {
    expect(numericFlag('temperature', '0.7', 1, { min: 0, max: 2, integer: false })).toBe(0.7);
  });
  it.each([['0'], ['1.5'], ['abc'], [''], ['101']])('refuses %j for an integer from 1 to 100', (raw) => {
    expect(() => numericFlag('reps', raw, 5, { min: 1, max: 100 })).toThrow(/--reps must be an integer from 1 to 100/);
  });
});

describe('integerListFlag', () => {
  it('reads a comma-separated list', () => {
    expect(integerListFlag('instances', '1, 3,5', [1], 1, 16)).toEqual([1, 3, 5]);
  });
  it('gives the default when absent', () => {
    expect(integerListFlag('instances', undefined, [1, 3], 1, 16)).toEqual([1, 3]);
  });
  it('refuses empty items and values out of range', () => {
    expect(() => integerListFlag('instances', '1,,3', [1], 1, 16)).toThrow(/comma-separated/);
    expect(() => integerListFlag('instances', '1,32', [1], 1, 16)).toThrow(/from 1 to 16/);
  });
});

describe('commander option parsers', () => {
  it('positiveIntegerOption takes integers from 1 and names the flag when refusing', () => {
    expect(positiveIntegerOption('reps')('5')).toBe(5);
    expect(() => positiveIntegerOption('reps')('0')).toThrow('--reps must be an integer from 1 up, got "0"');
    expect(() => positiveIntegerOption('reps')('2.5')).toThrow(InvalidArgumentError);
  });
  it('positiveNumberOption takes fractions above 0', () => {
    expect(positiveNumberOption('window')('0.5')).toBe(0.5);
    expect(() => positiveNumberOption('window')('0')).toThrow('--window must be a number above 0, got "0"');
  });
});
