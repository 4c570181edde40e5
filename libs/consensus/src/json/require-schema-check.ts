import { ConsensusError } from '../errors/consensus-error';
import { compileJsonSchema, type SchemaCheck } from './compile-json-schema';
import type { JsonSchema } from './json-schema';

/**
 * The compiled check of a schema the caller gave in its options (`field` names where, e.g.
 * `json.schema`). A schema that does not compile is a programmer error: the caller should have
 * refused it with findJsonSchemaProblem() first.
 */
export function requireSchemaCheck(schema: JsonSchema, field: string): SchemaCheck {
  const compilation = compileJsonSchema(schema);
  if (!compilation.ok) throw new ConsensusError('CONSENSUS_ERR_INVALID_SCHEMA', `${field} ${compilation.problem}`);
  return compilation.check;
}
