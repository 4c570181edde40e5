import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockList } from './block-list';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'block-list-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(): BlockList {
  const loaded = BlockList.load(dir);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.list;
}

describe('BlockList', () => {
  it('starts empty, and keeps what it blocks in blocked.json (0600) across loads', () => {
    const list = load();
    expect(list.isBlocked('ls-a')).toBe(false);
    expect(list.block('ls-a')).toBe(true);
    expect(list.isBlocked('ls-a')).toBe(true);
    expect(statSync(join(dir, 'blocked.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'blocked.json'), 'utf8'))).toEqual({ blocked: ['ls-a'] });
    expect(load().isBlocked('ls-a')).toBe(true);
  });

  it('unblocks, saying whether the id was blocked', () => {
    load().block('ls-a');
    const list = load();
    expect(list.unblock('ls-a')).toBe(true);
    expect(list.unblock('ls-a')).toBe(false);
    expect(load().isBlocked('ls-a')).toBe(false);
  });

  it('refuses what is not a node id', () => {
    expect(load().block('has space')).toBe(false);
    expect(load().block('')).toBe(false);
  });

  it.each(['not json', '[]', '{"blocked": "ls-a"}', '{"blocked": [1]}', '{"blocked": ["a b"]}'])('refuses a malformed file: %s', (text) => {
    writeFileSync(join(dir, 'blocked.json'), text);
    expect(BlockList.load(dir)).toMatchObject({ ok: false, message: expect.stringContaining('blocked.json') });
  });
});
