import type { Candidate } from '@local-swarm/consensus';
import type { AnswerShape } from '../responses/answer-shape';
import { toOpenAiFinishReason } from '../responses/finish-reason';
import { textLogprobsOf } from '../responses/text-logprobs';
import { textPiecesOf } from './text-pieces';

/** One choice of a streamed `text_completion`. */
export interface TextChoiceChunk {
  readonly index: number;
  readonly text: string;
  readonly logprobs: unknown;
  readonly finish_reason: string | null;
}

/**
 * A chosen candidate as a streamed text completion: the prompt first when echoed, then its text in
 * pieces (each with the legacy log-probabilities of its tokens when asked), then a finish chunk.
 */
export function textChoiceChunks(candidate: Candidate, index: number, answer: AnswerShape): TextChoiceChunk[] {
  const echo = answer.echoPrompt === null || answer.echoPrompt === '' ? [] : [{ index, text: answer.echoPrompt, logprobs: null, finish_reason: null }];
  let offset = answer.promptChars;
  const pieces = textPiecesOf(candidate.text, candidate.logprobs).map((piece) => {
    const logprobs = answer.logprobs ? textLogprobsOf(piece.logprobs, offset) : null;
    offset += piece.logprobs.reduce((sum, entry) => sum + entry.token.length, 0);
    return { index, text: piece.text, logprobs, finish_reason: null };
  });
  return [...echo, ...pieces, { index, text: '', logprobs: null, finish_reason: toOpenAiFinishReason(candidate.finishReason) }];
}
