import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { nodeIdOf, rawPublicKeyOf, verifyNodeId } from './node-id';

// RFC 8032 §7.1 TEST 1: secret key 9d61b1…7f60, public key d75a98…511a.
const RFC8032_TEST1_PRIVATE_PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g',
  '-----END PRIVATE KEY-----',
].join('\n');
const RFC8032_TEST1_PUBLIC_HEX = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
// `ls-` + base32(sha256(public key))[0..26), computed independently with Python's hashlib and base64.
const RFC8032_TEST1_NODE_ID = 'ls-eh7ddx5bksrgcytl7bkai36se4';

describe('node id', () => {
  const privateKey = createPrivateKey(RFC8032_TEST1_PRIVATE_PEM);
  const publicKey = createPublicKey(privateKey);

  it('takes the raw 32-byte public key from a public or a private key object', () => {
    expect(rawPublicKeyOf(publicKey).toString('hex')).toBe(RFC8032_TEST1_PUBLIC_HEX);
    expect(rawPublicKeyOf(privateKey).toString('hex')).toBe(RFC8032_TEST1_PUBLIC_HEX);
  });

  it('is ls- + base32(sha256(raw public key)) cut to 26 characters (known answer)', () => {
    expect(nodeIdOf(publicKey)).toBe(RFC8032_TEST1_NODE_ID);
    expect(nodeIdOf(Buffer.from(RFC8032_TEST1_PUBLIC_HEX, 'hex'))).toBe(RFC8032_TEST1_NODE_ID);
  });

  it('verifies only against the key it was derived from', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyNodeId(RFC8032_TEST1_NODE_ID, publicKey)).toBe(true);
    expect(verifyNodeId(RFC8032_TEST1_NODE_ID, other)).toBe(false);
    expect(verifyNodeId(RFC8032_TEST1_NODE_ID.toUpperCase(), publicKey)).toBe(false);
    expect(verifyNodeId('node-a', publicKey)).toBe(false);
    expect(verifyNodeId(RFC8032_TEST1_NODE_ID, Buffer.alloc(31))).toBe(false);
  });

  it('refuses keys that are not Ed25519 and raw keys of the wrong length', () => {
    const x25519 = generateKeyPairSync('x25519').publicKey;
    expect(() => nodeIdOf(x25519)).toThrow(/Ed25519/);
    expect(() => nodeIdOf(Buffer.alloc(33))).toThrow(/32 bytes/);
  });
});
