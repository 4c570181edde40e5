import { findJsonSchemaProblem } from '@local-swarm/consensus';
import { unsupportedSchemaKeywords, type JsonSchemaObject } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';

/**
 * Refuses a schema the node could not honour, naming the field: one the vote cannot validate
 * answers against (invalid, too large or deep, another draft), or one holding a keyword the output
 * grammar cannot enforce (the message names its JSON pointer and the keyword), since an answer
 * promised to match would then only sometimes match.
 */
export function assertEnforceableSchema(schema: JsonSchemaObject, field: string): void {
  const problem = findJsonSchemaProblem(schema);
  if (problem !== null) throw OpenAiHttpError.invalidRequest(`${field} ${problem}`, field, 'invalid_json_schema');
  const [unsupported] = unsupportedSchemaKeywords(schema);
  if (unsupported !== undefined) {
    throw OpenAiHttpError.invalidRequest(
      `${field}: "${unsupported.keyword}" at JSON pointer "${unsupported.at}" cannot be enforced: ${unsupported.reason}`,
      field,
      'unsupported_json_schema',
    );
  }
}
