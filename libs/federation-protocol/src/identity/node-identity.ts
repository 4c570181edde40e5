import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileErrorCode, keyFileError, type KeyFileResult } from './key-file-error';
import { nodeIdOf, rawPublicKeyOf } from './node-id';
import { createPrivateFile, readPrivateFile } from './private-file';

/** File of the node's private key (PKCS#8 PEM) inside the directory the caller names. */
export const NODE_KEY_FILE_NAME = 'node-key.pem';

/** Who this node is: an Ed25519 key pair and the node id derived from its public key. */
export interface NodeIdentity {
  readonly nodeId: string;
  readonly publicKey: KeyObject;
  /** The 32 raw bytes of the public key, as sent in sealed messages. */
  readonly publicKeyRaw: Buffer;
  readonly privateKey: KeyObject;
}

export interface LoadedNodeIdentity {
  readonly identity: NodeIdentity;
  /** True when this call generated the key (first start); false when it was read from disk. */
  readonly created: boolean;
  readonly path: string;
}

const WHAT = 'node key file';

/** A fresh identity, in memory only. */
export function generateNodeIdentity(): NodeIdentity {
  return nodeIdentityFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/** The identity of an Ed25519 private key. Throws a TypeError for any other kind of key. */
export function nodeIdentityFromPrivateKey(privateKey: KeyObject): NodeIdentity {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('a node identity needs an Ed25519 private key');
  }
  const publicKey = createPublicKey(privateKey);
  return { nodeId: nodeIdOf(publicKey), publicKey, publicKeyRaw: rawPublicKeyOf(publicKey), privateKey };
}

/**
 * The node's identity from `<dir>/node-key.pem`, created on first use (file 0600, directory 0700
 * when it is created here). A key file that group or others may access, that is unreadable, or
 * that holds anything but an Ed25519 private key is refused with a clear error and left as it is.
 */
export function loadOrCreateNodeIdentity(dir: string): KeyFileResult<LoadedNodeIdentity> {
  const path = join(dir, NODE_KEY_FILE_NAME);
  if (!existsSync(path)) {
    const identity = generateNodeIdentity();
    const pem = identity.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const written = createPrivateFile(path, pem, WHAT);
    if (!written.ok) return written;
    // Another process created the file first: its key is the node's key, read it below.
    if (written.value.created) return { ok: true, value: { identity, created: true, path } };
  }
  const text = readPrivateFile(path, WHAT);
  if (!text.ok) return text;
  const identity = parseNodeKey(text.value);
  if (identity === null) {
    return keyFileError(
      KeyFileErrorCode.INVALID_KEY_FILE,
      `${WHAT} ${path} does not hold an Ed25519 private key in PEM (PKCS#8); move it away to let the node create a new one (the node then gets a new id and must be paired again)`,
    );
  }
  return { ok: true, value: { identity, created: false, path } };
}

function parseNodeKey(pem: string): NodeIdentity | null {
  try {
    return nodeIdentityFromPrivateKey(createPrivateKey({ key: pem, format: 'pem' }));
  } catch {
    return null;
  }
}
