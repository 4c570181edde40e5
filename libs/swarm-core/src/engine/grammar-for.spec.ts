import type { GenerationRequest } from '../generation/generation-request';
import { grammarFor } from './grammar-for';

const request: GenerationRequest = { prompt: { kind: 'text', text: 'x' }, maxTokens: 1, candidates: 1 };
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('grammarFor', () => {
  it('is free text without json or format', () => {
    expect(grammarFor(request)).toBeUndefined();
  });

  it('is any JSON in JSON mode', () => {
    expect(grammarFor({ ...request, json: true })).toEqual({ kind: 'json' });
  });

  it('is the schema when a format is given, even beside JSON mode', () => {
    const format = { kind: 'json_schema', name: 'n', schema, strict: true } as const;
    expect(grammarFor({ ...request, json: true, format })).toEqual({ kind: 'json_schema', schema });
  });
});
