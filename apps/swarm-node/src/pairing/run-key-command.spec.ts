import { parseJoinString, readSwarmKeyFile, swarmKeyId } from '@local-swarm/federation-protocol';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeyCommand } from './run-key-command';

let dir: string;
let out: string;
let err: string;
const io = { out: (text: string): void => void (out += text), err: (text: string): void => void (err += text) };
const run = (...argv: string[]): Promise<number> => runKeyCommand([...argv, '--config-dir', dir], io, {});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'key-command-'));
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('local-swarm key', () => {
  it('new prints a fresh key as 64 hex characters and a newline, for "> FILE"', async () => {
    expect(await run('new')).toBe(0);
    expect(out).toMatch(/^[0-9a-f]{64}\n$/);
    const first = out;
    out = '';
    await run('new');
    expect(out).not.toBe(first);
  });

  it('show prints the join string of the stored key on stdout, the key id and the next step on stderr', async () => {
    expect(await run('rotate')).toBe(0);
    const stored = readSwarmKeyFile(join(dir, 'swarm.key'));
    if (!stored.ok) throw new Error(stored.message);
    out = '';
    err = '';
    expect(await run('show')).toBe(0);
    const parsed = parseJoinString(out);
    expect(parsed.ok && parsed.value.bytes().equals(stored.value.bytes())).toBe(true);
    expect(err).toContain(swarmKeyId(stored.value));
    expect(err).toContain('local-swarm --federation --join');
  });

  it('show fails (1) when no key is stored, and says how to get one', async () => {
    expect(await run('show')).toBe(1);
    expect(err).toContain('--federation');
    expect(out).toBe('');
  });

  it('rotate replaces the stored key, keeps the old one as swarm.key.old, and says every machine must re-join', async () => {
    await run('rotate');
    const before = readFileSync(join(dir, 'swarm.key'), 'utf8');
    err = '';
    expect(await run('rotate')).toBe(0);
    expect(readFileSync(join(dir, 'swarm.key.old'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'swarm.key'), 'utf8')).not.toBe(before);
    expect(err).toMatch(/EVERY machine of the swarm must re-join/);
  });

  it.each([[[]], [['nope']], [['show', 'extra']], [['show', '--bogus']], [['show', '--config-dir']]])('usage errors exit 2: %j', async (argv) => {
    expect(await runKeyCommand(argv, io, {})).toBe(2);
    expect(err).toContain('Usage: local-swarm key');
  });
});
