import type { OpenAiCompletionRequest } from '../messages/openai-completion';
import type { VoteToolRequest } from '../messages/vote-tool-request';
import { toOpenAiChatMessages } from './openai-chat-messages';

/**
 * The wire body of a completion request with `n` choices: OpenAI's snake_case fields, unset ones
 * left out. Tools go only with a chat (the completions endpoint has none); a JSON Schema takes
 * the place of `json`; log-probabilities in each endpoint's own form.
 */
export function openAiCompletionBody(request: OpenAiCompletionRequest, n: number): Record<string, unknown> {
  const isChat = request.prompt.kind === 'chat';
  const controls = request.controls ?? {};
  const common = {
    model: request.model,
    n,
    max_tokens: request.maxTokens,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.topP !== undefined && { top_p: request.topP }),
    ...(request.seed !== undefined && { seed: request.seed }),
    ...(request.stop !== undefined && { stop: request.stop }),
    ...responseFormat(request),
    ...(controls.presencePenalty !== undefined && { presence_penalty: controls.presencePenalty }),
    ...(controls.frequencyPenalty !== undefined && { frequency_penalty: controls.frequencyPenalty }),
    ...(controls.logprobs !== undefined && (isChat ? { logprobs: true, top_logprobs: controls.logprobs.top } : { logprobs: controls.logprobs.top })),
  };
  if (request.prompt.kind === 'text') return { ...common, prompt: request.prompt.text };
  return { ...common, messages: toOpenAiChatMessages(request.prompt.messages), ...(request.tools !== undefined && toolFields(request.tools)) };
}

function responseFormat(request: OpenAiCompletionRequest): { response_format?: Record<string, unknown> } {
  const { format } = request;
  if (format !== undefined) return { response_format: { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict } } };
  return request.json === true ? { response_format: { type: 'json_object' } } : {};
}

function toolFields(tools: VoteToolRequest): Record<string, unknown> {
  return {
    tools: tools.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description !== undefined && { description: tool.description }),
        ...(tool.parameters !== undefined && { parameters: tool.parameters }),
      },
    })),
    tool_choice: typeof tools.choice === 'string' ? tools.choice : { type: 'function', function: { name: tools.choice.name } },
    parallel_tool_calls: tools.parallel,
  };
}
