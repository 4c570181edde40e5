import type { FastifyReply } from 'fastify';
import { buildConsensusMetadata } from '../responses/consensus-metadata';
import {
  newCompletionId,
  nowSeconds,
  splitIntoDeltas,
  toOpenAiFinishReason,
  topChoices,
  usageOf,
  type CompletedRequest,
} from '../responses/completion-responses';
import { SseStream } from './sse-stream';

/**
 * Streams a decided chat completion as `chat.completion.chunk` events: per choice a role delta,
 * content deltas and a finish chunk; then the consensus metadata, the usage chunk when
 * `stream_options.include_usage`, and `[DONE]`.
 */
export function streamChatCompletion(reply: FastifyReply, completed: CompletedRequest, includeUsage: boolean): void {
  const stream = SseStream.open(reply);
  const id = newCompletionId('chatcmpl');
  const created = nowSeconds();
  const chunk = (choices: readonly unknown[], extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: completed.model,
    system_fingerprint: null,
    choices,
    ...extra,
  });
  topChoices(completed).forEach((ranked, index) => {
    stream.send(chunk([{ index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));
    for (const piece of splitIntoDeltas(ranked.candidate.text)) {
      stream.send(chunk([{ index, delta: { content: piece }, logprobs: null, finish_reason: null }]));
    }
    stream.send(chunk([{ index, delta: {}, logprobs: null, finish_reason: toOpenAiFinishReason(ranked.candidate.finishReason) }]));
  });
  stream.send(chunk([], { consensus: buildConsensusMetadata(completed.run, completed.trivialAgreement) }));
  if (includeUsage) stream.send(chunk([], { usage: usageOf(completed.run) }));
  stream.end();
}

/** Streams a decided text completion as `text_completion` events, then `[DONE]`. */
export function streamTextCompletion(reply: FastifyReply, completed: CompletedRequest): void {
  const stream = SseStream.open(reply);
  const id = newCompletionId('cmpl');
  const created = nowSeconds();
  const chunk = (choices: readonly unknown[], extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> => ({
    id,
    object: 'text_completion',
    created,
    model: completed.model,
    choices,
    ...extra,
  });
  topChoices(completed).forEach((ranked, index) => {
    for (const piece of splitIntoDeltas(ranked.candidate.text)) {
      stream.send(chunk([{ index, text: piece, logprobs: null, finish_reason: null }]));
    }
    stream.send(chunk([{ index, text: '', logprobs: null, finish_reason: toOpenAiFinishReason(ranked.candidate.finishReason) }]));
  });
  stream.send(chunk([], { consensus: buildConsensusMetadata(completed.run, completed.trivialAgreement) }));
  stream.end();
}
