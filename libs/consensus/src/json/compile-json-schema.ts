import { COST_BOUNDS } from '../bounds/cost-bounds';
import { stableStringify } from '../canonical/stable-stringify';
import { BoundedCache } from './bounded-cache';
import { exceedsDepth } from './exceeds-depth';
import { compileOnFreshAjv, metaSchemaProblem, schemaDraft } from './schema-drafts';

/** Checks a parsed JSON value: null when it matches, else where and why not (`/age must be integer`). */
export type SchemaCheck = (value: unknown) => string | null;

export type SchemaCompilation =
  | { readonly ok: true; readonly check: SchemaCheck }
  | { readonly ok: false; readonly problem: string };

const { maxBytes, maxDepth, cachedCompilations } = COST_BOUNDS.schema;

/**
 * Compiled schemas by their canonical JSON: a request's schema is compiled once, however many
 * candidates (and early-exit checks) validate against it. Failures are cached too, so a bad
 * schema sent again costs no second compilation. Invisible in results: only time is saved.
 */
const compilations = new BoundedCache<string, SchemaCompilation>(cachedCompilations);

function refused(problem: string): SchemaCompilation {
  return { ok: false, problem };
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalText(value: unknown): string | null {
  try {
    return stableStringify(value);
  } catch {
    return null;
  }
}

/**
 * Compiles a JSON Schema from an untrusted client with ajv (draft 2020-12, or draft-07 when its
 * `$schema` says so), within COST_BOUNDS.schema: a schema that is not an object, nests deeper
 * than `maxDepth`, is larger than `maxBytes` of JSON, names another draft, breaks its
 * meta-schema or cannot be compiled is refused with the reason (a phrase that follows the
 * field's name: "is larger than 65536 bytes").
 */
export function compileJsonSchema(value: unknown): SchemaCompilation {
  if (!isPlainObject(value)) return refused('must be a JSON object');
  if (exceedsDepth(value, maxDepth)) return refused(`nests deeper than ${maxDepth} levels`);
  const text = canonicalText(value);
  if (text === null) return refused('is not JSON');
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return refused(`is larger than ${maxBytes} bytes`);
  const cached = compilations.get(text);
  if (cached !== undefined) return cached;
  const compilation = compileCanonical(JSON.parse(text) as Readonly<Record<string, unknown>>);
  compilations.set(text, compilation);
  return compilation;
}

/** Compiles a private copy, so the caller changing its object later changes nothing here. */
function compileCanonical(schema: Readonly<Record<string, unknown>>): SchemaCompilation {
  const draft = schemaDraft(schema);
  if (draft === null) return refused('names a $schema other than draft 2020-12 or draft-07');
  // The draft picked the ajv class; ajv itself would look `$schema` up by its exact spelling
  // (and throw on `https://` for draft-07 or a missing `#`), so it is left out of the copy.
  const body: Record<string, unknown> = { ...schema };
  delete body['$schema'];
  const problem = metaSchemaProblem(body, draft);
  if (problem !== null) return refused(`is not a valid JSON Schema: ${problem}`);
  try {
    const validate = compileOnFreshAjv(body, draft);
    const check: SchemaCheck = (data) => {
      if (validate(data)) return null;
      const [first] = validate.errors ?? [];
      return first === undefined ? 'does not match' : `${first.instancePath || '/'} ${first.message ?? 'does not match'}`;
    };
    return { ok: true, check };
  } catch (error) {
    return refused(`cannot be compiled: ${error instanceof Error ? error.message : String(error)}`);
  }
}
