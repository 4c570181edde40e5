import { encodeBase32Lower } from './base32';

describe('encodeBase32Lower', () => {
  // RFC 4648 §10 test vectors, lower-cased and without padding.
  it.each([
    ['', ''],
    ['f', 'my'],
    ['fo', 'mzxq'],
    ['foo', 'mzxw6'],
    ['foob', 'mzxw6yq'],
    ['fooba', 'mzxw6ytb'],
    ['foobar', 'mzxw6ytboi'],
  ])('encodes %j as %j', (input, expected) => {
    expect(encodeBase32Lower(Buffer.from(input, 'ascii'))).toBe(expected);
  });

  it('encodes every bit of high bytes', () => {
    expect(encodeBase32Lower(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('77777777');
  });
});
