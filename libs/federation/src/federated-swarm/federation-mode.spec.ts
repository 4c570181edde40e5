import { FEDERATION_MODES, isFederationMode } from './federation-mode';

describe('isFederationMode', () => {
  it.each(FEDERATION_MODES)('accepts %s', (mode) => {
    expect(isFederationMode(mode)).toBe(true);
  });

  it.each([['Vote'], [''], ['balance '], [null], [1], [['vote']]])('refuses %p', (value) => {
    expect(isFederationMode(value)).toBe(false);
  });
});
