import type { GenerationRequest } from '@local-swarm/swarm-core';
import type { ResponseFormatDto } from '../dto/response-format.dto';
import { assertEnforceableSchema } from './assert-enforceable-schema';

/** `response_format` as the engine takes it: JSON mode, or a JSON Schema every answer must match. */
export function outputFormatOf(format: ResponseFormatDto | undefined): Pick<GenerationRequest, 'json' | 'format'> {
  if (format?.type === 'json_object') return { json: true };
  if (format?.type !== 'json_schema' || format.json_schema === undefined) return {};
  const { name, schema, strict } = format.json_schema;
  assertEnforceableSchema(schema, 'response_format.json_schema.schema');
  return { format: { kind: 'json_schema', name, schema, strict: strict === true } };
}
