import { createCipheriv, sign } from 'node:crypto';
import { generateNodeIdentity, type NodeIdentity } from '../identity/node-identity';
import { open, type OpenOptions } from './open';
import { ReplayCache } from './replay-cache';
import { seal, type SealInput } from './seal';
import { SealErrorCode } from './seal-error';
import { sealKeyOf } from './seal-key';
import { canonicalHeader, signedBytes, type SealedEnvelope } from './sealed-envelope';
import { newSwarmKey } from './swarm-key';

const NOW = 1_765_000_000_000;
const swarmKey = newSwarmKey();
const alice = generateNodeIdentity();
const mallory = generateNodeIdentity();
const BODY = '{"request_id":"r1","prompt":{"kind":"text","text":"secret prompt"}}';

function sealed(overrides: Partial<SealInput> = {}): SealedEnvelope {
  return seal({ body: BODY, swarmKey, identity: alice, purpose: 'vote-request', now: NOW, ...overrides });
}

function opened(envelope: unknown, overrides: Partial<OpenOptions> = {}) {
  return open(envelope, { swarmKey, replayCache: new ReplayCache(), expectedPurpose: 'vote-request', now: NOW, ...overrides });
}

/** Re-signs an altered envelope as `signer` would: only the swarm's AEAD tag still binds it. */
function resigned(envelope: SealedEnvelope, signer: NodeIdentity): SealedEnvelope {
  const bytes = signedBytes(canonicalHeader(envelope), Buffer.from(envelope.ciphertext, 'base64url'), Buffer.from(envelope.tag, 'base64url'));
  return { ...envelope, sig: sign(null, bytes, signer.privateKey).toString('base64url') };
}

describe('open', () => {
  it('gives back the body and the proven sender; the envelope does not show the body', () => {
    const envelope = sealed();
    expect(JSON.stringify(envelope)).not.toContain('secret prompt');
    const result = opened(JSON.stringify(envelope));
    expect(result).toMatchObject({ ok: true, body: BODY, senderId: alice.nodeId, nonce: envelope.nonce, timestamp: NOW });
    expect(result.ok && result.senderPublicKey.equals(alice.publicKey)).toBe(true);
    expect(opened(envelope).ok).toBe(true);
    expect(sealed().nonce).not.toBe(envelope.nonce);
  });

  describe('bounded cost', () => {
    it('refuses an envelope over the size limit before parsing it', () => {
      expect(opened('x'.repeat(2049), { maxEnvelopeBytes: 2048 })).toMatchObject({ ok: false, code: SealErrorCode.TOO_LARGE });
      expect(opened('é'.repeat(1025), { maxEnvelopeBytes: 2048 })).toMatchObject({ code: SealErrorCode.TOO_LARGE });
      const parsedTooLarge = { ...sealed(), ciphertext: 'A'.repeat(4000) };
      expect(opened(parsedTooLarge, { maxEnvelopeBytes: 2048 })).toMatchObject({ code: SealErrorCode.TOO_LARGE });
    });

    it.each<[string, (envelope: SealedEnvelope) => unknown]>([
      ['not JSON', () => '{"v":2,'],
      ['an array', () => '[]'],
      ['a missing field', (envelope) => ({ ...envelope, sig: undefined })],
      ['a short sender_key', (envelope) => ({ ...envelope, sender_key: envelope.sender_key.slice(1) })],
      ['a non-canonical tag', (envelope) => ({ ...envelope, tag: `${envelope.tag.slice(0, 21)}B` })],
      ['a padded signature', (envelope) => ({ ...envelope, sig: `${envelope.sig.slice(0, 84)}==` })],
      ['a fractional ts', (envelope) => ({ ...envelope, ts: NOW + 0.5 })],
      ['a string ts', (envelope) => ({ ...envelope, ts: String(NOW) })],
      ['a sender that is not a node id', (envelope) => ({ ...envelope, sender: 'node-a' })],
      ['a non-base64url ciphertext', (envelope) => ({ ...envelope, ciphertext: `${envelope.ciphertext}+` })],
      ['a purpose that is not a name', (envelope) => ({ ...envelope, purpose: 'Vote Request' })],
    ])('refuses %s as malformed', (_, alter) => {
      expect(opened(alter(sealed()))).toMatchObject({ ok: false, code: SealErrorCode.MALFORMED });
    });
  });

  describe('version', () => {
    it('refuses an unsealed version-1 body, saying why', () => {
      const result = opened({ protocol: 1, request_id: 'r1', origin_node_id: 'node-a', hops: 1 });
      expect(result).toMatchObject({ ok: false, code: SealErrorCode.VERSION_MISMATCH });
      expect(!result.ok && result.message).toMatch(/protocol 1 \(unsealed.*accepts only sealed protocol 2/);
    });

    it('refuses another sealed version before reading the rest', () => {
      const result = opened({ v: 3, anything: true });
      expect(result).toMatchObject({ code: SealErrorCode.VERSION_MISMATCH, message: expect.stringMatching(/version 3 is not supported/) });
    });
  });

  it('refuses a message sealed for another purpose', () => {
    const reply = sealed({ purpose: 'vote-reply' });
    expect(opened(reply)).toMatchObject({ ok: false, code: SealErrorCode.WRONG_PURPOSE });
    expect(opened(reply, { expectedPurpose: 'vote-reply' }).ok).toBe(true);
  });

  it('binds a reply to its request', () => {
    const request = sealed();
    const other = sealed();
    const reply = sealed({ purpose: 'vote-reply', replyTo: request.nonce });
    const asReply = { expectedPurpose: 'vote-reply' } as const;
    expect(opened(reply, { ...asReply, replyTo: request.nonce }).ok).toBe(true);
    expect(opened(reply, { ...asReply, replyTo: other.nonce })).toMatchObject({ code: SealErrorCode.REPLY_MISMATCH });
    expect(opened(reply, asReply)).toMatchObject({ code: SealErrorCode.REPLY_MISMATCH });
    expect(opened(request, { replyTo: other.nonce })).toMatchObject({ code: SealErrorCode.REPLY_MISMATCH });
  });

  describe('sender id', () => {
    it('refuses a member that claims another node id with its own key', () => {
      // Mallory holds the swarm key: her seal is valid in every other respect.
      const claimed = resigned({ ...seal({ body: BODY, swarmKey, identity: mallory, purpose: 'vote-request', now: NOW }), sender: alice.nodeId }, mallory);
      expect(opened(claimed)).toMatchObject({ ok: false, code: SealErrorCode.BAD_SENDER_ID });
    });

    it("refuses another node's key under the sender's id", () => {
      const swapped = { ...sealed(), sender_key: mallory.publicKeyRaw.toString('base64url') };
      expect(opened(swapped)).toMatchObject({ code: SealErrorCode.BAD_SENDER_ID });
    });
  });

  describe('clock', () => {
    it('accepts a skew up to the limit and refuses beyond, giving the skew', () => {
      const envelope = sealed();
      expect(opened(envelope, { now: NOW + 30_000 }).ok).toBe(true);
      expect(opened(envelope, { now: NOW - 30_000 }).ok).toBe(true);
      const late = opened(envelope, { now: NOW + 30_001 });
      expect(late).toMatchObject({ code: SealErrorCode.CLOCK_SKEW, message: expect.stringMatching(/30001 ms behind .*30000 ms allowed/) });
      expect(opened(envelope, { now: NOW - 45_000 })).toMatchObject({ message: expect.stringMatching(/45000 ms ahead of/) });
      expect(opened(envelope, { now: NOW + 5_000, maxSkewMs: 1_000 })).toMatchObject({ code: SealErrorCode.CLOCK_SKEW });
    });

    it('never allows more skew than the replay cache remembers', () => {
      expect(() => opened(sealed(), { replayCache: new ReplayCache({ maxSkewMs: 1_000 }), maxSkewMs: 2_000 })).toThrow(RangeError);
    });
  });

  describe('replay', () => {
    it('accepts a message once', () => {
      const replayCache = new ReplayCache();
      const envelope = sealed();
      expect(opened(envelope, { replayCache }).ok).toBe(true);
      expect(opened(envelope, { replayCache, now: NOW + 10 })).toMatchObject({ ok: false, code: SealErrorCode.REPLAYED });
    });

    it('is not poisoned by refused messages: a forged copy does not block the real one', () => {
      const replayCache = new ReplayCache();
      const envelope = sealed();
      expect(opened({ ...envelope, sig: sealed().sig }, { replayCache }).ok).toBe(false);
      expect(opened(envelope, { replayCache }).ok).toBe(true);
    });
  });

  describe('signature', () => {
    it.each<[string, (envelope: SealedEnvelope) => SealedEnvelope]>([
      ['the ciphertext', (envelope) => ({ ...envelope, ciphertext: flipFirstByte(envelope.ciphertext) })],
      ['the tag', (envelope) => ({ ...envelope, tag: flipFirstByte(envelope.tag) })],
      ['the timestamp', (envelope) => ({ ...envelope, ts: envelope.ts + 1 })],
      ['the nonce', (envelope) => ({ ...envelope, nonce: flipFirstByte(envelope.nonce) })],
    ])('refuses an envelope whose %s was altered', (_, alter) => {
      expect(opened(alter(sealed()))).toMatchObject({ ok: false, code: SealErrorCode.BAD_SIGNATURE });
    });
  });

  describe('membership', () => {
    it('refuses a node of another swarm, whose signature is fine', () => {
      const foreign = seal({ body: BODY, swarmKey: newSwarmKey(), identity: mallory, purpose: 'vote-request', now: NOW });
      expect(opened(foreign)).toMatchObject({ ok: false, code: SealErrorCode.NOT_MEMBER });
    });

    it('refuses an outsider that re-signs a member’s message under its own id', () => {
      const stolen = sealed();
      const relabelled = resigned({ ...stolen, sender: mallory.nodeId, sender_key: mallory.publicKeyRaw.toString('base64url') }, mallory);
      expect(opened(relabelled)).toMatchObject({ code: SealErrorCode.NOT_MEMBER });
    });
  });

  it('refuses a member’s body that is not UTF-8', () => {
    const envelope = sealed();
    const nonce = Buffer.from(envelope.nonce, 'base64url');
    const cipher = createCipheriv('aes-256-gcm', sealKeyOf(swarmKey), nonce).setAAD(canonicalHeader(envelope));
    const ciphertext = Buffer.concat([cipher.update(Buffer.from([0xc3, 0x28])), cipher.final()]);
    const broken = resigned({ ...envelope, ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') }, alice);
    expect(opened(broken)).toMatchObject({ code: SealErrorCode.MALFORMED, message: expect.stringMatching(/not UTF-8/) });
  });
});

describe('seal', () => {
  it('refuses a body over the limit and a reply_to that is not a nonce', () => {
    expect(() => sealed({ body: 'x'.repeat(4 * 1024 * 1024 + 1) })).toThrow(/4194304 bytes/);
    expect(() => sealed({ replyTo: 'r1' })).toThrow(/nonce of the request/);
  });
});

function flipFirstByte(base64url: string): string {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64url');
}
