import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileErrorCode } from './key-file-error';
import { nodeIdOf } from './node-id';
import { loadOrCreateNodeIdentity, NODE_KEY_FILE_NAME } from './node-identity';
import { useTemporaryDirectory } from './testing/temporary-directory';

describe('loadOrCreateNodeIdentity', () => {
  const temporaryDirectory = useTemporaryDirectory('node-identity');

  it('creates the key on first use: file 0600 in a new directory 0700', () => {
    const dir = join(temporaryDirectory(), 'config', 'local-swarm');
    const first = loadOrCreateNodeIdentity(dir);
    if (!first.ok) throw new Error(first.message);
    expect(first.value.created).toBe(true);
    expect(first.value.path).toBe(join(dir, NODE_KEY_FILE_NAME));
    expect(statSync(first.value.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.value.identity.nodeId).toBe(nodeIdOf(first.value.identity.publicKey));
    expect(readFileSync(first.value.path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('reads the same identity on later starts', () => {
    const first = loadOrCreateNodeIdentity(temporaryDirectory());
    const second = loadOrCreateNodeIdentity(temporaryDirectory());
    if (!first.ok || !second.ok) throw new Error('identity not loaded');
    expect(second.value.created).toBe(false);
    expect(second.value.identity.nodeId).toBe(first.value.identity.nodeId);
    expect(second.value.identity.publicKeyRaw.equals(first.value.identity.publicKeyRaw)).toBe(true);
  });

  it.each([0o640, 0o604, 0o660, 0o644, 0o620])('refuses a key file of mode %s and leaves it as it is', (mode) => {
    const created = loadOrCreateNodeIdentity(temporaryDirectory());
    if (!created.ok) throw new Error(created.message);
    const before = readFileSync(created.value.path, 'utf8');
    chmodSync(created.value.path, mode);
    const result = loadOrCreateNodeIdentity(temporaryDirectory());
    expect(result).toMatchObject({ ok: false, code: KeyFileErrorCode.INSECURE_PERMISSIONS });
    expect(!result.ok && result.message).toContain(`chmod 600 ${created.value.path}`);
    expect(readFileSync(created.value.path, 'utf8')).toBe(before);
  });

  it('refuses a file that is not an Ed25519 private key, without replacing it', () => {
    const path = join(temporaryDirectory(), NODE_KEY_FILE_NAME);
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    expect(loadOrCreateNodeIdentity(temporaryDirectory())).toMatchObject({ ok: false, code: KeyFileErrorCode.INVALID_KEY_FILE });
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(path, x25519);
    expect(loadOrCreateNodeIdentity(temporaryDirectory())).toMatchObject({ ok: false, code: KeyFileErrorCode.INVALID_KEY_FILE });
    expect(readFileSync(path, 'utf8')).toBe(x25519);
  });

  it('says so when the directory cannot be created', () => {
    const notADirectory = join(temporaryDirectory(), 'file');
    writeFileSync(notADirectory, '');
    const result = loadOrCreateNodeIdentity(join(notADirectory, 'local-swarm'));
    expect(result).toMatchObject({ ok: false, code: KeyFileErrorCode.UNREADABLE });
    expect(!result.ok && result.message).toMatch(/cannot be created: ENOTDIR/);
  });
});
