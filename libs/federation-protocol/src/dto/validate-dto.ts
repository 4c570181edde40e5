import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { FederationErrorCode, type FederationParseError, type ParseResult } from '../errors/federation-error';

/**
 * Validates an untrusted JSON body against a DTO class: `plainToInstance` (no implicit
 * conversion: "5" is not 5) then `validateSync`. Unknown extra fields are tolerated so a newer
 * peer may add optional fields without a version bump. Never throws for bad input.
 */
export function validateDto<T extends object>(dtoClass: new () => T, body: unknown): ParseResult<T> {
  if (!isPlainObject(body)) {
    return { ok: false, error: invalid(null, `expected a JSON object, got ${describe(body)}`) };
  }
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(dtoClass, body, { enableImplicitConversion: false });
    errors = validateSync(instance, { forbidUnknownValues: true, stopAtFirstError: true });
  } catch (error: unknown) {
    // Both walk the value recursively: a value nested deep enough overflows the stack. The
    // parsers refuse such JSON first (MAX_JSON_DEPTH); this keeps the promise for any caller.
    return { ok: false, error: invalid(null, `the message could not be read: ${error instanceof Error ? error.message : String(error)}`) };
  }
  const first = firstFailure(errors, null);
  return first === null ? { ok: true, value: instance } : { ok: false, error: invalid(first.path, first.message) };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function invalid(param: string | null, message: string): FederationParseError {
  return { code: FederationErrorCode.INVALID_MESSAGE, message, param };
}

interface Failure {
  readonly path: string;
  readonly message: string;
}

/**
 * Depth-first first failing field, as a path like `votes[0].score`: array items are children
 * whose property is their index.
 */
function firstFailure(errors: readonly ValidationError[], parent: string | null): Failure | null {
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const constraints = Object.values(error.constraints ?? {});
    const [message] = constraints;
    if (message !== undefined) {
      // class-validator starts messages with the bare property name; show the full path instead.
      const text = message.startsWith(`${error.property} `)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`;
      return { path, message: text };
    }
    const nested = firstFailure(error.children ?? [], path);
    if (nested !== null) return nested;
  }
  return null;
}

function joinPath(parent: string | null, property: string): string {
  if (parent === null) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
