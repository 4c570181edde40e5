import { createPrivateKey } from 'node:crypto';
import { nodeIdentityFromPrivateKey } from '../../identity/node-identity';
import { SwarmKey } from '../swarm-key';

/** 00 01 02 … 1f: the swarm key of every known-answer spec. */
export const COUNTING_KEY = SwarmKey.fromBytes(Buffer.from(Array.from({ length: 32 }, (_, index) => index)));

/** The node of RFC 8032 §7.1 TEST 1 (secret key 9d61b1…7f60): a fixed identity for known answers. */
export const RFC8032_TEST1_IDENTITY = nodeIdentityFromPrivateKey(
  createPrivateKey(
    ['-----BEGIN PRIVATE KEY-----', 'MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g', '-----END PRIVATE KEY-----'].join('\n'),
  ),
);
