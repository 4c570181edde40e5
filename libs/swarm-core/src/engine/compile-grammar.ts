import type { ChatWrapper, GbnfJsonSchema, Llama, LlamaGrammar } from './llama-types';
import type { OutputGrammar } from './grammar-for';
import { unsupportedSchemaKeywords } from './json-schema-support';
import type { JsonSchemaObject } from '../generation/tool-request';
import { toolCallGrammar } from '../tools/tool-grammar';

/** Compiles what a candidate must match into node-llama-cpp's grammar (cache it: see GrammarCache). */
export function compileGrammar(llama: Llama, grammar: OutputGrammar, chatWrapper: ChatWrapper): Promise<LlamaGrammar> {
  switch (grammar.kind) {
    case 'json':
      return llama.getGrammarFor('json');
    case 'json_schema':
      return compileJsonSchema(llama, grammar.schema);
    case 'tool_calls':
      return toolCallGrammar(llama, chatWrapper, grammar.tools);
  }
}

async function compileJsonSchema(llama: Llama, schema: JsonSchemaObject): Promise<LlamaGrammar> {
  // The API layer refuses such schemas first; this keeps the engine from ever promising a schema
  // the grammar would only partly enforce.
  if (!isEnforceable(schema)) {
    const [first] = unsupportedSchemaKeywords(schema);
    throw new Error(`JSON schema not supported at "${first?.at ?? ''}": ${first?.reason ?? 'unknown'}`);
  }
  return llama.createGrammarForJsonSchema(schema);
}

/** Every keyword of the schema is one node-llama-cpp's GbnfJsonSchema enforces. */
function isEnforceable(schema: JsonSchemaObject): schema is JsonSchemaObject & GbnfJsonSchema {
  return unsupportedSchemaKeywords(schema).length === 0;
}
