import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The string is at most `max` bytes of UTF-8. Not class-validator's `IsByteLength`: that one
 * measures with `encodeURI`, which throws on a lone surrogate a peer can send in JSON.
 */
export function MaxUtf8Bytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [max],
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= max,
        defaultMessage: buildMessage((each) => `${each}$property must be at most $constraint1 bytes of UTF-8`, options),
      },
    },
    options,
  );
}
