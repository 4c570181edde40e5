import { inspect } from 'node:util';
import { newSwarmKey, SwarmKey } from './swarm-key';
import { swarmKeyId } from './swarm-key-id';
import { COUNTING_KEY } from './testing/seal-fixtures';


describe('SwarmKey', () => {
  it('is 32 random bytes, different each time', () => {
    const first = newSwarmKey().bytes();
    expect(first).toHaveLength(32);
    expect(first.equals(newSwarmKey().bytes())).toBe(false);
  });

  it('refuses any other length', () => {
    expect(() => SwarmKey.fromBytes(Buffer.alloc(31))).toThrow(/32 bytes, got 31/);
    expect(() => SwarmKey.fromBytes(Buffer.alloc(33))).toThrow(RangeError);
  });

  it('never shows its bytes when logged or serialised', () => {
    const hex = COUNTING_KEY.bytes().toString('hex');
    for (const shown of [String(COUNTING_KEY), JSON.stringify({ key: COUNTING_KEY }), inspect(COUNTING_KEY)]) {
      expect(shown).not.toContain(hex);
      expect(shown).toContain('SwarmKey(<secret>)');
    }
  });

  it('hands out copies: changing one does not change the key', () => {
    COUNTING_KEY.bytes().fill(0);
    expect(COUNTING_KEY.bytes()[31]).toBe(31);
  });
});

describe('swarmKeyId', () => {
  it('is HKDF-SHA256(key, salt "local-swarm", info "key-id"), 8 bytes in hex (known answer)', () => {
    // Computed independently with Python's hmac (RFC 5869 extract and expand by hand).
    expect(swarmKeyId(COUNTING_KEY)).toBe('95341bff0acfa7d1');
  });

  it('differs between keys and does not contain the key', () => {
    const key = newSwarmKey();
    expect(swarmKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(swarmKeyId(key)).not.toBe(swarmKeyId(newSwarmKey()));
    expect(key.bytes().toString('hex')).not.toContain(swarmKeyId(key));
  });
});
