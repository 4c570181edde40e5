import { MAX_EMBEDDING_INPUTS } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';

/**
 * The texts of an embeddings request's `input`: a string, or an array of 1 to 256 strings.
 * Token arrays (numbers) are refused: this node embeds text, and token ids of another
 * tokenizer would mean nothing to its model. Empty strings are refused, as OpenAI does.
 */
export function embeddingInputs(input: unknown): string[] {
  if (typeof input === 'string') return [nonEmpty(input, 'input')];
  if (!Array.isArray(input)) throw OpenAiHttpError.invalidRequest('input must be a string or an array of strings', 'input');
  if (input.length === 0) throw OpenAiHttpError.invalidRequest('input must not be an empty array', 'input');
  if (input.length > MAX_EMBEDDING_INPUTS) {
    throw OpenAiHttpError.invalidRequest(`input must hold at most ${MAX_EMBEDDING_INPUTS} items, got ${input.length}`, 'input', 'too_many_inputs');
  }
  return input.map((item: unknown, index) => {
    const param = `input[${index}]`;
    if (typeof item === 'string') return nonEmpty(item, param);
    if (typeof item === 'number' || Array.isArray(item)) {
      throw OpenAiHttpError.invalidRequest(`${param}: token arrays are not supported by this node; send text`, param, 'token_input_unsupported');
    }
    throw OpenAiHttpError.invalidRequest(`${param} must be a string`, param);
  });
}

function nonEmpty(text: string, param: string): string {
  if (text.length === 0) throw OpenAiHttpError.invalidRequest(`${param} must not be empty`, param);
  return text;
}
