import type { Candidate } from '@local-swarm/consensus';
import type { AnswerShape } from '../responses/answer-shape';
import { chatAnswerOf } from '../responses/chat-answer';
import { chatLogprobsOf } from '../responses/chat-logprobs';
import { splitIntoDeltas } from '../responses/completion-responses';
import { textPiecesOf } from './text-pieces';

/** One choice of a `chat.completion.chunk`. */
export interface ChatChoiceChunk {
  readonly index: number;
  readonly delta: Readonly<Record<string, unknown>>;
  readonly logprobs: unknown;
  readonly finish_reason: string | null;
}

/**
 * A chosen candidate as OpenAI streams it: a role delta, its text in pieces (each with the
 * log-probabilities of its tokens when asked), each tool call as a first delta with `index`, `id`,
 * `type`, the name and empty arguments and then the arguments in pieces (or the legacy
 * `function_call` the same way), and a finish chunk.
 */
export function chatChoiceChunks(candidate: Candidate, index: number, answer: AnswerShape): ChatChoiceChunk[] {
  const { message, finishReason } = chatAnswerOf(candidate, answer);
  const chunk = (delta: Readonly<Record<string, unknown>>, logprobs: unknown = null): ChatChoiceChunk => ({ index, delta, logprobs, finish_reason: null });
  const text = message.content ?? '';
  const contentChunks = textPiecesOf(text, candidate.logprobs).map((piece) =>
    chunk({ content: piece.text }, answer.logprobs ? { content: chatLogprobsOf(piece.logprobs).content, refusal: null } : null),
  );
  const callChunks = (message.tool_calls ?? []).flatMap((call, position) => [
    chunk({ tool_calls: [{ index: position, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }),
    ...splitIntoDeltas(call.function.arguments).map((piece) => chunk({ tool_calls: [{ index: position, function: { arguments: piece } }] })),
  ]);
  const legacy = message.function_call;
  const legacyChunks =
    legacy === undefined
      ? []
      : [
          chunk({ function_call: { name: legacy.name, arguments: '' } }),
          ...splitIntoDeltas(legacy.arguments).map((piece) => chunk({ function_call: { arguments: piece } })),
        ];
  return [
    chunk({ role: 'assistant', content: message.content === null ? null : '' }),
    ...contentChunks,
    ...callChunks,
    ...legacyChunks,
    { index, delta: {}, logprobs: null, finish_reason: finishReason },
  ];
}

/** An abstention as OpenAI streams a refusal: a role delta without content, the reason as `delta.refusal`, a stop. */
export function refusalChunks(reason: string, index: number): ChatChoiceChunk[] {
  return [
    { index, delta: { role: 'assistant', content: null, refusal: null }, logprobs: null, finish_reason: null },
    { index, delta: { refusal: reason }, logprobs: null, finish_reason: null },
    { index, delta: {}, logprobs: null, finish_reason: 'stop' },
  ];
}
