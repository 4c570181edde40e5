import { formatSwarmKey, newSwarmKey, swarmKeyId } from '@local-swarm/federation-protocol';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownSwarmKeyId } from './own-swarm-key-id';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'own-key-id-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ownSwarmKeyId', () => {
  it('is the stored key id, null without a key (and creates none)', () => {
    expect(ownSwarmKeyId({}, { LOCAL_SWARM_CONFIG_DIR: dir })).toBeNull();
    expect(existsSync(join(dir, 'swarm.key'))).toBe(false);
    const key = newSwarmKey();
    writeFileSync(join(dir, 'swarm.key'), formatSwarmKey(key), { mode: 0o600 });
    expect(ownSwarmKeyId({}, { LOCAL_SWARM_CONFIG_DIR: dir })).toBe(swarmKeyId(key));
  });

  it('prefers LOCAL_SWARM_KEY_FILE', () => {
    const key = newSwarmKey();
    const path = join(dir, 'other.key');
    writeFileSync(path, formatSwarmKey(key), { mode: 0o600 });
    expect(ownSwarmKeyId({}, { LOCAL_SWARM_CONFIG_DIR: dir, LOCAL_SWARM_KEY_FILE: path })).toBe(swarmKeyId(key));
  });

  it('takes --swarm-key-file and --config-dir before the environment', () => {
    const given = newSwarmKey();
    const path = join(dir, 'given.key');
    writeFileSync(path, formatSwarmKey(given), { mode: 0o600 });
    const env = { LOCAL_SWARM_CONFIG_DIR: '/nonexistent', LOCAL_SWARM_KEY_FILE: '/nonexistent/key' };
    expect(ownSwarmKeyId({ swarmKeyFile: path }, env)).toBe(swarmKeyId(given));
    const stored = newSwarmKey();
    writeFileSync(join(dir, 'swarm.key'), formatSwarmKey(stored), { mode: 0o600 });
    expect(ownSwarmKeyId({ configDir: dir }, { LOCAL_SWARM_CONFIG_DIR: '/nonexistent' })).toBe(swarmKeyId(stored));
  });
});
