import type { Candidate } from '@local-swarm/consensus';
import { abstainedCandidate } from '../responses/abstention';
import { answerOf, newCompletionId, nowSeconds, topChoices, type CompletedRequest } from '../responses/completion-responses';
import { chatChoiceChunks, refusalChunks } from './chat-choice-chunks';
import { sendCompletionChunks } from './send-completion-chunks';
import type { SseStream } from './sse-stream';
import { textChoiceChunks } from './text-choice-chunks';

/**
 * Streams a decided chat completion as `chat.completion.chunk` events: per choice a role delta,
 * content and tool-call deltas and a finish chunk (the last one with the consensus metadata); the usage chunk
 * when `stream_options.include_usage`; and `[DONE]`.
 */
export function streamChatCompletion(stream: SseStream, completed: CompletedRequest, includeUsage: boolean): void {
  const id = newCompletionId('chatcmpl');
  const created = nowSeconds();
  const refusal = completed.abstained;
  const choiceChunks = topChoices(completed).flatMap((ranked, index) =>
    typeof refusal === 'string' ? refusalChunks(refusal, index) : chatChoiceChunks(ranked.candidate, index, answerOf(completed)),
  );
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
  const withheld = (candidate: Candidate): Candidate => (typeof completed.abstained === 'string' ? abstainedCandidate(candidate) : candidate);
  const choiceChunks = topChoices(completed).flatMap((ranked, index) => textChoiceChunks(withheld(ranked.candidate), index, answerOf(completed)));
  sendCompletionChunks(
    stream,
    completed,
    includeUsage,
    (choices, extra) => ({ id, object: 'text_completion', created, model: completed.model, choices, ...extra }),
    choiceChunks,
  );
}
