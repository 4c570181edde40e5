import { unitLength } from './unit-length';

describe('unitLength', () => {
  it('scales a vector to length 1, keeping its direction', () => {
    expect(unitLength([3, 4])).toEqual([0.6, 0.8]);
  });

  it('leaves a zero vector as it is', () => {
    expect(unitLength([0, 0])).toEqual([0, 0]);
  });
});
