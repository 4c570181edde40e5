import { OpenAiHttpError } from '../../http/openai-error';
import { OpenAiValidationPipe } from '../../http/openai-validation.pipe';
import { ChatCompletionRequestDto } from '../dto/chat-completion-request.dto';
import { chatMessagesOfInput } from './chat-messages-of-input';
import { chatResponseFormatOf } from './chat-response-format-of';
import { chatToolsOf } from './chat-tools-of';
import { refuseUnsupportedFields } from './refuse-unsupported-fields';
import type { ResponsesRequestDto } from './responses-request.dto';

const validation = new OpenAiValidationPipe();

/**
 * A Responses request as the chat request it asks for, validated as /v1/chat/completions
 * validates its own bodies: both then share the same preparation, limits and consensus.
 * Streaming is the caller's (the Responses API streams other events), so the chat request never streams.
 */
export async function toChatRequest(body: ResponsesRequestDto): Promise<ChatCompletionRequestDto> {
  refuseUnsupportedFields(body);
  const responseFormat = chatResponseFormatOf(body.text);
  const chat = {
    messages: chatMessagesOfInput(body.input, body.instructions),
    ...chatToolsOf(body.tools, body.tool_choice),
    ...(responseFormat !== undefined ? { response_format: responseFormat } : {}),
    ...(body.parallel_tool_calls !== undefined ? { parallel_tool_calls: body.parallel_tool_calls } : {}),
    ...(body.max_output_tokens !== undefined ? { max_completion_tokens: body.max_output_tokens } : {}),
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { top_p: body.top_p } : {}),
    ...(body.strategy !== undefined ? { strategy: body.strategy } : {}),
    ...(body.mode !== undefined ? { mode: body.mode } : {}),
    ...(body.weights !== undefined ? { weights: body.weights } : {}),
    ...(body.min_agreement !== undefined ? { min_agreement: body.min_agreement } : {}),
  };
  const validated = await validation.transform(chat, { type: 'body', metatype: ChatCompletionRequestDto });
  if (!(validated instanceof ChatCompletionRequestDto)) throw new OpenAiHttpError(500, 'server_error', 'the chat request could not be built');
  return validated;
}
