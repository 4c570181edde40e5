import type { TokenVocabulary } from '@local-swarm/swarm-core';
import type { CompletionRequestDto } from '../dto/completion-request.dto';
import type { AnswerShape } from '../responses/answer-shape';
import type { RequestFields } from './chat-request-fields';
import { refuseUnhonouredTextFields } from './refuse-unhonoured-fields';
import { samplingControlsOf } from './sampling-controls-of';

/** A /v1/completions request's fields mapped onto the engine's request, and the shape of its answer. */
export function textRequestFields(
  body: CompletionRequestDto,
  vocabulary: TokenVocabulary,
): { readonly fields: RequestFields; readonly answer: AnswerShape } {
  refuseUnhonouredTextFields(body);
  const text = typeof body.prompt === 'string' ? body.prompt : (body.prompt[0] ?? '');
  const logprobs = body.logprobs !== undefined ? { top: body.logprobs } : undefined;
  const controls = samplingControlsOf(body, logprobs, vocabulary);
  return {
    fields: { prompt: { kind: 'text', text }, ...(controls !== undefined ? { controls } : {}) },
    answer: { legacyFunctions: false, logprobs: logprobs !== undefined, echoPrompt: body.echo === true ? text : null, promptChars: text.length },
  };
}
