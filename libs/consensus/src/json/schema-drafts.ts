import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type AjvCore from 'ajv/dist/core';
import type { ValidateFunction } from 'ajv/dist/core';
import addFormats from 'ajv-formats';

/** The JSON Schema drafts ajv checks here: 2020-12 by default, draft-07 when `$schema` names it. */
export type SchemaDraft = '2020-12' | 'draft-07';

const DRAFT_BY_META_SCHEMA: ReadonlyMap<string, SchemaDraft> = new Map([
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
]);

/**
 * Keywords ajv does not know (a client's `title`, OpenAI's `strict`...) are ignored rather than
 * thrown (`strict: false`); nothing is logged (the lib prints nothing); the first mismatch is
 * enough (`allErrors: false`); the data is never changed (no defaults, no coercion).
 */
const AJV_OPTIONS = { strict: false, logger: false, allErrors: false } as const;

/** The draft a schema's `$schema` names, or null for a `$schema` ajv cannot check. */
export function schemaDraft(schema: Readonly<Record<string, unknown>>): SchemaDraft | null {
  const named = schema['$schema'];
  if (named === undefined) return '2020-12';
  if (typeof named !== 'string') return null;
  const withoutScheme = named.replace(/^https?:\/\//, '').replace(/#$/, '');
  return DRAFT_BY_META_SCHEMA.get(withoutScheme) ?? null;
}

function newAjv(draft: SchemaDraft, validateSchema: boolean): AjvCore {
  const options = { ...AJV_OPTIONS, validateSchema };
  const ajv = draft === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  // Formats (date-time, email, uuid...) are checked, as clients expect; ajv-formats' extra
  // formatMinimum-style keywords are not JSON Schema and stay off.
  addFormats(ajv, { mode: 'full', keywords: false });
  return ajv;
}

/**
 * One instance per draft only checks schemas against the draft's meta-schema: that runs the
 * meta-schema's validator on the schema as data and registers nothing, so it is safe to share.
 */
const metaCheckers = new Map<SchemaDraft, AjvCore>();

/** Why a schema breaks its draft's meta-schema (ajv's text), or null when it does not. */
export function metaSchemaProblem(schema: object, draft: SchemaDraft): string | null {
  let checker = metaCheckers.get(draft);
  if (checker === undefined) {
    checker = newAjv(draft, false);
    metaCheckers.set(draft, checker);
  }
  if (checker.validateSchema(schema) === true) return null;
  return checker.errorsText(checker.errors, { dataVar: 'schema' });
}

/**
 * Compiles a schema already checked against its meta-schema, on an ajv instance of its own: an
 * instance remembers every `$id` and `$anchor` it compiled (and refuses a second schema reusing
 * one), so sharing one would let one client's schema change how another's compiles, and grow.
 * A fresh instance costs about a millisecond, and compiled schemas are cached by their caller.
 * Throws ajv's error when the schema cannot be compiled (an unresolvable `$ref`, a bad pattern).
 */
export function compileOnFreshAjv(schema: object, draft: SchemaDraft): ValidateFunction {
  return newAjv(draft, false).compile(schema);
}
