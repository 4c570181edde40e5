import { ReplayCache } from './replay-cache';
import { open } from './open';
import { sealWithNonce } from './seal';
import { canonicalHeader } from './sealed-envelope';
import { COUNTING_KEY, RFC8032_TEST1_IDENTITY } from './testing/seal-fixtures';

// Built independently from docs/federation-protocol.md with Python (hashlib, hmac, and the
// `cryptography` package's AESGCM and Ed25519): swarm key 00…1f, the RFC 8032 TEST 1 node,
// nonce 00…0b, ts 1765000000000, body {"prompt":"2 + 2 = ?"}.
const KNOWN_ENVELOPE = {
  nonce: 'AAECAwQFBgcICQoL',
  purpose: 'vote-request',
  reply_to: null,
  sender: 'ls-eh7ddx5bksrgcytl7bkai36se4',
  sender_key: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  ts: 1765000000000,
  v: 2,
  ciphertext: 'nmotwwi84m6631CS-4SfGlQXFP5_Yg',
  tag: 'sMITmUPDgu3LeWjRhf8QFQ',
  sig: 'm-lvju6VMJPWjlapUAhHPDCSnon0TiU4-2BhWwlPhuonkcySBklZ37jMIZZu7ByOjS5-OKQNzyewO0UCcfv8Cg',
};
const KNOWN_HEADER =
  '{"nonce":"AAECAwQFBgcICQoL","purpose":"vote-request","reply_to":null,"sender":"ls-eh7ddx5bksrgcytl7bkai36se4",' +
  '"sender_key":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","ts":1765000000000,"v":2}';
const KNOWN_BODY = '{"prompt":"2 + 2 = ?"}';

describe('sealed envelope format (known answers)', () => {
  it('writes the header as canonical JSON: sorted keys, no whitespace', () => {
    expect(canonicalHeader(KNOWN_ENVELOPE).toString('utf8')).toBe(KNOWN_HEADER);
  });

  it('seals to exactly the envelope another implementation builds from the document', () => {
    const sealed = sealWithNonce(
      { body: KNOWN_BODY, swarmKey: COUNTING_KEY, identity: RFC8032_TEST1_IDENTITY, purpose: 'vote-request', now: KNOWN_ENVELOPE.ts },
      Buffer.from(Array.from({ length: 12 }, (_, index) => index)),
    );
    expect(sealed).toEqual(KNOWN_ENVELOPE);
  });

  it('opens the envelope another implementation built', () => {
    const opened = open(JSON.stringify(KNOWN_ENVELOPE), {
      swarmKey: COUNTING_KEY,
      replayCache: new ReplayCache(),
      expectedPurpose: 'vote-request',
      now: KNOWN_ENVELOPE.ts + 1000,
    });
    expect(opened).toMatchObject({ ok: true, body: KNOWN_BODY, senderId: KNOWN_ENVELOPE.sender, nonce: KNOWN_ENVELOPE.nonce });
  });
});
