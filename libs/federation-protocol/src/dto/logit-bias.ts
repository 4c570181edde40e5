import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { isPlainObject } from './validate-dto';

/** A token id as a JSON key: a decimal integer without sign or leading zeros, below 2^31. */
const TOKEN_ID = /^(0|[1-9][0-9]{0,9})$/;
const TOKEN_ID_MAX = 2 ** 31 - 1;

/** Why `value` is not a logit bias map (token id -> bias), or null when it is. */
export function logitBiasProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'must be an object of token id -> bias';
  const entries = Object.entries(value);
  if (entries.length > L.logitBiasMax) return `must have at most ${L.logitBiasMax} entries`;
  for (const [key, bias] of entries) {
    if (!TOKEN_ID.test(key) || Number(key) > TOKEN_ID_MAX) return `has the key ${JSON.stringify(key.slice(0, 32))}, which is not a token id`;
    if (typeof bias !== 'number' || !Number.isFinite(bias) || Math.abs(bias) > L.logitBiasMagnitude) {
      return `entry ${key} must be a number from -${L.logitBiasMagnitude} to ${L.logitBiasMagnitude}`;
    }
  }
  return null;
}

/** The value is a logit bias map (see logitBiasProblem). */
export function IsLogitBias(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLogitBias',
      validator: {
        validate: (value: unknown): boolean => logitBiasProblem(value) === null,
        defaultMessage: (args?: ValidationArguments): string => `$property ${logitBiasProblem(args?.value) ?? 'must be a logit bias map'}`,
      },
    },
    options,
  );
}
