import { ValidateBy, type ValidationOptions } from 'class-validator';

/** OpenAI's bounds on `logit_bias`: at most 300 tokens, each biased by -100..100. */
export const MAX_LOGIT_BIAS_ENTRIES = 300;
export const LOGIT_BIAS_LIMIT = 100;

/** A token id as a JSON object key: a non-negative integer in decimal. */
const TOKEN_ID_KEY = /^(0|[1-9][0-9]{0,9})$/;

function isBiasValue(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LOGIT_BIAS_LIMIT;
}

/**
 * `logit_bias`: an object of token id (as a string) to a bias in -100..100, at most 300 entries.
 * Whether each id exists in the loaded model is checked when the request is prepared.
 */
export function IsLogitBias(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLogitBias',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= MAX_LOGIT_BIAS_ENTRIES &&
          Object.entries(value).every(([id, bias]) => TOKEN_ID_KEY.test(id) && isBiasValue(bias)),
        defaultMessage: () =>
          `logit_bias must be an object of at most ${MAX_LOGIT_BIAS_ENTRIES} token ids (integers, as strings) to biases in ` +
          `-${LOGIT_BIAS_LIMIT}..${LOGIT_BIAS_LIMIT}`,
      },
    },
    options,
  );
}
