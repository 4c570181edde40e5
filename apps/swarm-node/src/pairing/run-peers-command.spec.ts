import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockList } from './block-list';
import { runPeersCommand } from './run-peers-command';

let dir: string;
let out: string;
let err: string;
const io = { out: (text: string): void => void (out += text), err: (text: string): void => void (err += text) };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'peers-command-'));
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const blocked = (id: string): boolean => {
  const loaded = BlockList.load(dir);
  return loaded.ok && loaded.list.isBlocked(id);
};

describe('local-swarm peers block|unblock', () => {
  it('edits the block list of the config dir (LOCAL_SWARM_CONFIG_DIR)', async () => {
    const env = { LOCAL_SWARM_CONFIG_DIR: dir };
    expect(await runPeersCommand(['block', 'ls-x'], io, env)).toBe(0);
    expect(blocked('ls-x')).toBe(true);
    expect(await runPeersCommand(['unblock', 'ls-x'], io, env)).toBe(0);
    expect(blocked('ls-x')).toBe(false);
    expect(out).toContain('unblocked ls-x');
  });

  it('fails (1) on an id that is no node id, 2 on bad usage', async () => {
    expect(await runPeersCommand(['block', 'a b', '--config-dir', dir], io, {})).toBe(1);
    expect(await runPeersCommand(['block'], io, {})).toBe(2);
    expect(await runPeersCommand(['drop', 'ls-x'], io, {})).toBe(2);
    expect(err).toContain('Usage: local-swarm peers');
  });
});
