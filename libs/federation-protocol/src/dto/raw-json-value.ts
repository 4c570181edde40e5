import { Transform } from 'class-transformer';

/**
 * Keeps a field exactly as JSON.parse produced it. A JSON Schema or a map keyed by token ids is
 * data, not a DTO: class-transformer would rebuild it key by key, and a key such as `__proto__`
 * would then change the copy's prototype instead of staying a key the validators see.
 */
export function RawJsonValue(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => obj[key]);
}
