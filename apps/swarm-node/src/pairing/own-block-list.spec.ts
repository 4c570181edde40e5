import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownBlockList } from './own-block-list';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'own-block-list-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ownBlockList', () => {
  it('reads the config dir blocked.json', () => {
    writeFileSync(join(dir, 'blocked.json'), JSON.stringify({ blocked: ['node-bad'] }), { mode: 0o600 });
    const list = ownBlockList(null, { LOCAL_SWARM_CONFIG_DIR: dir });
    expect(list.problem).toBeNull();
    expect([list.isBlocked('node-bad'), list.isBlocked('node-good')]).toEqual([true, false]);
  });

  it('reads the block list of the config dir given (--config-dir) before the environment', () => {
    writeFileSync(join(dir, 'blocked.json'), JSON.stringify({ blocked: ['node-bad'] }), { mode: 0o600 });
    expect(ownBlockList(dir, { LOCAL_SWARM_CONFIG_DIR: '/nonexistent' }).isBlocked('node-bad')).toBe(true);
  });

  it('blocks nobody without a file, and creates none', () => {
    const list = ownBlockList(null, { LOCAL_SWARM_CONFIG_DIR: join(dir, 'absent') });
    expect(list).toMatchObject({ problem: null });
    expect(list.isBlocked('node-bad')).toBe(false);
    expect(existsSync(join(dir, 'absent'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a malformed file (the node would not start) and blocks nobody', () => {
    writeFileSync(join(dir, 'blocked.json'), '{"blocked": [42]}', { mode: 0o600 });
    const list = ownBlockList(null, { LOCAL_SWARM_CONFIG_DIR: dir });
    expect(list.problem).toBe(`${join(dir, 'blocked.json')} must hold {"blocked": ["<node id>", ...]}`);
    expect(list.isBlocked('42')).toBe(false);
  });
});
