import { ValidationError } from 'class-validator';
import { OpenAiHttpError } from './openai-error';
import { validationErrorsToOpenAi } from './validation-error-to-openai';

/** A class-validator error node, as the ValidationPipe hands them over. */
function node(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  const error = new ValidationError();
  error.property = property;
  if (constraints !== undefined) error.constraints = constraints;
  error.children = children;
  return error;
}

describe('validationErrorsToOpenAi', () => {
  it('names a top-level field as param and keeps its message', () => {
    const error = validationErrorsToOpenAi([node('temperature', { max: 'temperature must not be greater than 2' })]);
    expect(error).toBeInstanceOf(OpenAiHttpError);
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      error: { message: 'temperature must not be greater than 2', type: 'invalid_request_error', param: 'temperature', code: null },
    });
  });

  it('writes array indexes in brackets and rewrites the message with the full path (messages[1].role)', () => {
    const error = validationErrorsToOpenAi([
      node('messages', undefined, [
        node('0', undefined, []),
        node('1', undefined, [node('role', { isIn: 'role must be one of: system, developer, user, assistant' })]),
      ]),
    ]);
    expect(error.param).toBe('messages[1].role');
    expect(error.message).toBe('messages[1].role must be one of: system, developer, user, assistant');
  });

  it('joins object nesting with dots and leaves a message that does not start with the property alone', () => {
    const error = validationErrorsToOpenAi([
      node('response_format', undefined, [node('type', { isIn: 'response_format.type must be one of: text, json_object' })]),
    ]);
    expect(error.param).toBe('response_format.type');
    expect(error.message).toBe('response_format.type must be one of: text, json_object');
  });

  it('handles deep nesting (messages[2].content[0].text)', () => {
    const error = validationErrorsToOpenAi([
      node('messages', undefined, [node('2', undefined, [node('content', undefined, [node('0', undefined, [node('text', { isString: 'text must be a string' })])])])]),
    ]);
    expect(error.param).toBe('messages[2].content[0].text');
    expect(error.message).toBe('messages[2].content[0].text must be a string');
  });

  it('reports only the first error, and the first constraint of it', () => {
    const error = validationErrorsToOpenAi([
      node('max_tokens', { isInt: 'max_tokens must be an integer number', min: 'max_tokens must not be less than 1' }),
      node('temperature', { max: 'temperature must not be greater than 2' }),
    ]);
    expect(error.param).toBe('max_tokens');
    expect(error.message).toBe('max_tokens must be an integer number');
  });

  it('skips error nodes without constraints or children and takes the next', () => {
    const error = validationErrorsToOpenAi([node('messages', undefined, []), node('n', { min: 'n must not be less than 1' })]);
    expect(error.param).toBe('n');
    expect(error.message).toBe('n must not be less than 1');
  });

  it('prefers a nested leaf of an earlier field over a later top-level error', () => {
    const error = validationErrorsToOpenAi([
      node('messages', undefined, [node('0', undefined, [node('content', { isMessageContent: 'content must be a string' })])]),
      node('model', { isString: 'model must be a string' }),
    ]);
    expect(error.param).toBe('messages[0].content');
  });

  it('falls back to a generic 400 for an empty list', () => {
    const error = validationErrorsToOpenAi([]);
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ error: { message: 'Invalid request body.', type: 'invalid_request_error', param: null, code: null } });
  });
});
