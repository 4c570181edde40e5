import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { exceedsJsonDepth } from './json-depth';
import { isPlainObject } from './validate-dto';

/** Why `value` is not a JSON object within the bounds, or null when it is. */
export function boundedJsonObjectProblem(value: unknown, maxBytes: number, maxDepth: number): string | null {
  if (!isPlainObject(value)) return 'must be a JSON object';
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return `must be at most ${maxBytes} bytes of JSON`;
  if (exceedsJsonDepth(text, maxDepth)) return `must nest objects and arrays at most ${maxDepth} deep`;
  return null;
}

/**
 * The value is a JSON object (a JSON Schema) of at most `maxBytes` bytes as JSON text and nested
 * at most `maxDepth` deep: a schema is compiled into a grammar and a validator, both of which
 * grow with its size and recurse with its depth.
 */
export function IsBoundedJsonObject(maxBytes: number, maxDepth: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBoundedJsonObject',
      constraints: [maxBytes, maxDepth],
      validator: {
        validate: (value: unknown): boolean => boundedJsonObjectProblem(value, maxBytes, maxDepth) === null,
        defaultMessage: (args?: ValidationArguments): string =>
          `$property ${boundedJsonObjectProblem(args?.value, maxBytes, maxDepth) ?? 'must be a JSON object'}`,
      },
    },
    options,
  );
}
