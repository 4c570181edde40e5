import type { ToolRequest } from '../generation/tool-request';
import { unsupportedSchemaKeywords } from '../engine/json-schema-support';
import type { ChatWrapper, Llama, LlamaGrammar } from '../engine/llama-types';
import { offeredTools, paramsSchemaOf } from './chat-model-functions';
import { toolCallGbnf } from './tool-call-gbnf';
import { toolCallSyntax } from './tool-call-syntax';

/**
 * The grammar that makes every sampled answer a valid call to one of the offered functions, in
 * the chat template's own call syntax, with arguments matching that function's schema.
 *
 * node-llama-cpp's own call grammars (FunctionCallNameGrammar, FunctionCallParamsGrammar) are
 * not exported and drive LlamaChat's staged generation (name, then params, then the rest), which
 * the lock-step batched decoding here cannot use. So one grammar is built for the whole call
 * from the wrapper's call syntax and each function's JSON-schema grammar as node-llama-cpp
 * compiles it (`createGrammarForJsonSchema`), and sampled in one pass.
 */
export async function toolCallGrammar(llama: Llama, chatWrapper: ChatWrapper, tools: ToolRequest): Promise<LlamaGrammar> {
  const functions = await Promise.all(
    offeredTools(tools).map(async (tool) => {
      const schema = paramsSchemaOf(tool);
      // The API layer refuses such schemas first; the grammar would only partly enforce them.
      const [unsupported] = unsupportedSchemaKeywords(schema);
      if (unsupported !== undefined) {
        throw new Error(`parameters of tool "${tool.name}" not supported at "${unsupported.at}": ${unsupported.reason}`);
      }
      return { name: tool.name, paramsGbnf: (await llama.createGrammarForJsonSchema(schema)).grammar };
    }),
  );
  return llama.createGrammar({ grammar: toolCallGbnf(toolCallSyntax(chatWrapper.settings.functions), functions, tools.parallel) });
}
