import { formatJoinString, formatSwarmKey, newSwarmKey, readSwarmKeyFile, type SwarmKey } from '@local-swarm/federation-protocol';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSwarmKey, type SwarmKeySettings } from './resolve-swarm-key';

const NONE: SwarmKeySettings = { open: false, join: null, replaceKey: false, keyFile: null };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swarm-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function keyOf(settings: SwarmKeySettings): SwarmKey {
  const result = resolveSwarmKey(settings, dir);
  if (!result.ok || result.value.kind !== 'paired') throw new Error(result.ok ? 'open' : result.message);
  return result.value.key;
}
const same = (a: SwarmKey, b: SwarmKey): boolean => a.bytes().equals(b.bytes());
function keyFile(key: SwarmKey): string {
  const path = join(dir, 'given.key');
  writeFileSync(path, formatSwarmKey(key), { mode: 0o600 });
  return path;
}

describe('resolveSwarmKey', () => {
  it('creates a key in the config dir (0600) on first start, then reuses it', () => {
    const result = resolveSwarmKey(NONE, dir);
    expect(result).toMatchObject({ ok: true, value: { kind: 'paired', source: 'created', path: join(dir, 'swarm.key') } });
    expect(statSync(join(dir, 'swarm.key')).mode & 0o777).toBe(0o600);
    const again = resolveSwarmKey(NONE, dir);
    expect(again).toMatchObject({ ok: true, value: { source: 'stored' } });
    expect(same(keyOf(NONE), keyOf(NONE))).toBe(true);
  });

  it('--federation-open wins over everything and touches no file', () => {
    expect(resolveSwarmKey({ ...NONE, open: true, join: formatJoinString(newSwarmKey()) }, dir)).toEqual({ ok: true, value: { kind: 'open' } });
    expect(existsSync(join(dir, 'swarm.key'))).toBe(false);
  });

  it('--join wins over the key file and stores its key; the key file wins over the stored key', () => {
    const joined = newSwarmKey();
    const fromFile = newSwarmKey();
    const path = keyFile(fromFile);
    expect(same(keyOf({ ...NONE, join: formatJoinString(joined), keyFile: path }), joined)).toBe(true);
    const stored = readSwarmKeyFile(join(dir, 'swarm.key'));
    expect(stored.ok && same(stored.value, joined)).toBe(true);
    expect(same(keyOf({ ...NONE, keyFile: path }), fromFile)).toBe(true);
    expect(same(keyOf(NONE), joined)).toBe(true);
  });

  it('joining the stored swarm again is fine; another swarm is refused unless --replace-key, which keeps swarm.key.old', () => {
    const first = newSwarmKey();
    keyOf({ ...NONE, join: formatJoinString(first) });
    expect(same(keyOf({ ...NONE, join: formatJoinString(first) }), first)).toBe(true);
    const second = newSwarmKey();
    const refused = resolveSwarmKey({ ...NONE, join: formatJoinString(second) }, dir);
    expect(refused).toMatchObject({ ok: false, code: 'key_file_exists' });
    expect(same(keyOf(NONE), first)).toBe(true);
    expect(same(keyOf({ ...NONE, join: formatJoinString(second), replaceKey: true }), second)).toBe(true);
    expect(readFileSync(join(dir, 'swarm.key.old'), 'utf8')).toBe(formatSwarmKey(first));
  });

  it('refuses a mistyped join string without echoing it, and stores nothing', () => {
    const text = formatJoinString(newSwarmKey());
    const typo = `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    const result = resolveSwarmKey({ ...NONE, join: typo }, dir);
    expect(result).toMatchObject({ ok: false, code: 'invalid_join_string' });
    expect(result.ok ? '' : result.message).not.toContain(typo.slice(8));
    expect(existsSync(join(dir, 'swarm.key'))).toBe(false);
  });

  it('refuses a key file others may read', () => {
    const path = keyFile(newSwarmKey());
    chmodSync(path, 0o644);
    expect(resolveSwarmKey({ ...NONE, keyFile: path }, dir)).toMatchObject({ ok: false, code: 'insecure_permissions' });
  });
});
