import {
  newCompletionId,
  nowSeconds,
  splitIntoDeltas,
  toOpenAiFinishReason,
  topChoices,
  type CompletedRequest,
} from '../responses/completion-responses';
import { sendCompletionChunks } from './send-completion-chunks';
import type { SseStream } from './sse-stream';

/**
 * Streams a decided chat completion as `chat.completion.chunk` events: per choice a role delta,
 * content deltas and a finish chunk (the last one with the consensus metadata); the usage chunk
 * when `stream_options.include_usage`; and `[DONE]`.
 */
export function streamChatCompletion(stream: SseStream, completed: CompletedRequest, includeUsage: boolean): void {
  const id = newCompletionId('chatcmpl');
  const created = nowSeconds();
  const choiceChunks = topChoices(completed).flatMap((ranked, index) => [
    { index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
    ...splitIntoDeltas(ranked.candidate.text).map((piece) => ({ index, delta: { content: piece }, logprobs: null, finish_reason: null })),
    { index, delta: {}, logprobs: null, finish_reason: toOpenAiFinishReason(ranked.candidate.finishReason) },
  ]);
  sendCompletionChunks(
    stream,
    completed,
    includeUsage,
    (choices, extra) => ({ id, object: 'chat.completion.chunk', created, model: completed.model, system_fingerprint: null, choices, ...extra }),
    choiceChunks,
  );
}

/** Streams a decided text completion as `text_completion` events, the same way. */
export function streamTextCompletion(stream: SseStream, completed: CompletedRequest, includeUsage: boolean): void {
  const id = newCompletionId('cmpl');
  const created = nowSeconds();
  const choiceChunks = topChoices(completed).flatMap((ranked, index) => [
    ...splitIntoDeltas(ranked.candidate.text).map((piece) => ({ index, text: piece, logprobs: null, finish_reason: null })),
    { index, text: '', logprobs: null, finish_reason: toOpenAiFinishReason(ranked.candidate.finishReason) },
  ]);
  sendCompletionChunks(
    stream,
    completed,
    includeUsage,
    (choices, extra) => ({ id, object: 'text_completion', created, model: completed.model, choices, ...extra }),
    choiceChunks,
  );
}
