import type { GenerationRequest, TokenVocabulary } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';
import type { ChatCompletionRequestDto } from '../dto/chat-completion-request.dto';
import type { AnswerShape } from '../responses/answer-shape';
import { chatMessagesOf } from './chat-messages-of';
import { outputFormatOf } from './output-format-of';
import { refuseUnhonouredChatFields } from './refuse-unhonoured-fields';
import { samplingControlsOf } from './sampling-controls-of';
import { toolRequestOf } from './tool-request-of';

/** What a request asks of the engine beyond the node's limits: prompt, tools, format, controls. */
export type RequestFields = Pick<GenerationRequest, 'prompt' | 'json' | 'format' | 'tools' | 'controls'>;

/**
 * A chat request's fields mapped onto the engine's request, and the shape its answer takes;
 * every field the node cannot honour, or input it cannot use, is a 400 naming it.
 */
export function chatRequestFields(
  body: ChatCompletionRequestDto,
  vocabulary: TokenVocabulary,
): { readonly fields: RequestFields; readonly answer: AnswerShape } {
  refuseUnhonouredChatFields(body);
  if (body.top_logprobs !== undefined && body.logprobs !== true) {
    throw OpenAiHttpError.invalidRequest('top_logprobs: logprobs must be true when top_logprobs is given', 'top_logprobs');
  }
  const logprobs = body.logprobs === true ? { top: body.top_logprobs ?? 0 } : undefined;
  const { tools, legacyFunctions } = toolRequestOf(body);
  const controls = samplingControlsOf(body, logprobs, vocabulary);
  const fields: RequestFields = {
    prompt: { kind: 'chat', messages: chatMessagesOf(body.messages) },
    ...outputFormatOf(body.response_format),
    ...(tools !== undefined ? { tools } : {}),
    ...(controls !== undefined ? { controls } : {}),
  };
  return { fields, answer: { legacyFunctions, logprobs: logprobs !== undefined, echoPrompt: null, promptChars: 0 } };
}
