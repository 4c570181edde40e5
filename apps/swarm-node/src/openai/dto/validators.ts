import { ValidateBy, type ValidationOptions } from 'class-validator';

/** OpenAI allows at most 4 stop sequences. */
export const MAX_STOP_SEQUENCES = 4;

/**
 * Longest stop sequence: each is searched for in the generated text after every token, so a
 * long one costs on every step; real stop sequences are a few characters.
 */
export const MAX_STOP_SEQUENCE_CHARS = 256;

function isStopSequence(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_STOP_SEQUENCE_CHARS;
}

/** `stop`: a string or an array of up to 4 strings (OpenAI's rule), each at most 256 characters. */
export function IsStopSequences(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStopSequences',
      validator: {
        validate: (value: unknown): boolean =>
          isStopSequence(value) || (Array.isArray(value) && value.length <= MAX_STOP_SEQUENCES && value.every(isStopSequence)),
        defaultMessage: () =>
          `stop must be a string or an array of at most ${MAX_STOP_SEQUENCES} strings, each at most ${MAX_STOP_SEQUENCE_CHARS} characters`,
      },
    },
    options,
  );
}

/** A text part of a multi-part message, the only kind of part a text model can read. */
export interface TextContentPart {
  readonly type: 'text';
  readonly text: string;
}

export function isTextContentPart(value: unknown): value is TextContentPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Record<string, unknown>;
  return part['type'] === 'text' && typeof part['text'] === 'string';
}

/** `content`: a string, or an array of `{type: "text", text}` parts. */
export function IsMessageContent(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMessageContent',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every(isTextContentPart)),
        defaultMessage: () =>
          'content must be a string or a non-empty array of {"type": "text", "text": string} parts (this node serves text-only models)',
      },
    },
    options,
  );
}

/** A prompt for /v1/completions: a string, or an array holding exactly one string. */
export function IsSinglePrompt(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSinglePrompt',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' || (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string'),
        defaultMessage: () => 'prompt must be a string (or an array holding one string); batches of prompts are not supported',
      },
    },
    options,
  );
}
