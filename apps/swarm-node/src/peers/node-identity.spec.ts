import { deriveNodeId } from './node-identity';

describe('deriveNodeId', () => {
  const base = { hostname: 'desk', address: '10.0.0.2', port: 17615 };

  it('is stable for the same machine, address and port', () => {
    expect(deriveNodeId(base)).toBe(deriveNodeId({ ...base }));
    expect(deriveNodeId(base)).toMatch(/^ls-[0-9a-f]{12}$/);
  });

  it.each([
    ['hostname', { ...base, hostname: 'laptop' }],
    ['address', { ...base, address: '10.0.0.3' }],
    ['port', { ...base, port: 17616 }],
  ])('differs when the %s differs', (_name, other) => {
    expect(deriveNodeId(other)).not.toBe(deriveNodeId(base));
  });
});
