import { consensusOf, usageOf, type CompletedRequest } from '../responses/completion-responses';
import type { SseStream } from './sse-stream';

/** Wraps `choices` (and fields such as `usage`) in the chunk envelope of one response family. */
export type ChunkEnvelope = (choices: readonly unknown[], extra: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Sends a completion's chunks as OpenAI does: one choice per chunk, in order, the last one (its
 * finish chunk) also carrying `consensus`; with `include_usage` every chunk has `usage: null` and
 * one chunk with empty `choices` and the usage comes last. Without it no chunk has empty
 * `choices`, so `chunk.choices[0]` is always there for clients that read it. Then `[DONE]`.
 */
export function sendCompletionChunks(
  stream: SseStream,
  completed: CompletedRequest,
  includeUsage: boolean,
  envelope: ChunkEnvelope,
  choiceChunks: readonly unknown[],
): void {
  const usageField = includeUsage ? { usage: null } : {};
  const lastIndex = choiceChunks.length - 1;
  choiceChunks.forEach((choice, index) => {
    const consensus = index === lastIndex ? { consensus: consensusOf(completed) } : {};
    stream.send(envelope([choice], { ...usageField, ...consensus }));
  });
  if (includeUsage) stream.send(envelope([], { usage: usageOf(completed) }));
  stream.end();
}
