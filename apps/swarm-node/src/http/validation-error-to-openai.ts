import type { ValidationError } from 'class-validator';
import { OpenAiHttpError } from './openai-error';

/**
 * Turns class-validator's tree of errors into one OpenAI error naming the first bad field,
 * e.g. param "messages[1].role". Clients show `message`; `param` lets tools point at the field.
 */
export function validationErrorsToOpenAi(errors: readonly ValidationError[]): OpenAiHttpError {
  const first = firstLeaf(errors, '');
  if (first === null) return OpenAiHttpError.invalidRequest('Invalid request body.');
  return OpenAiHttpError.invalidRequest(first.message, first.param);
}

function firstLeaf(errors: readonly ValidationError[], prefix: string): { param: string; message: string } | null {
  for (const error of errors) {
    const param = joinPath(prefix, error.property);
    const messages = Object.values(error.constraints ?? {});
    const message = messages[0];
    if (message !== undefined) {
      // class-validator names the property without its path ("role must be ..."): add the path.
      return { param, message: message.startsWith(error.property) ? `${param}${message.slice(error.property.length)}` : message };
    }
    const nested = firstLeaf(error.children ?? [], param);
    if (nested !== null) return nested;
  }
  return null;
}

function joinPath(prefix: string, property: string): string {
  if (prefix === '') return property;
  return /^\d+$/.test(property) ? `${prefix}[${property}]` : `${prefix}.${property}`;
}
