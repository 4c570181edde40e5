import type { Candidate } from '@local-swarm/consensus';
import type { ChatAnswerMessage } from './chat-answer';

/**
 * Why the node abstains, or null: the verdict's agreement is below the `min_agreement` the client
 * asked for. The agreement is floored (never rounded up to the threshold it missed).
 */
export function abstentionReason(agreement: number, minAgreement: number | null): string | null {
  if (minAgreement === null || agreement >= minAgreement) return null;
  return `the candidates disagreed: agreement ${Math.floor(agreement * 1e4) / 1e4} < ${minAgreement}`;
}

/** An abstention as OpenAI writes a refusal: no content, no tool calls, the reason in `refusal`. */
export function refusalMessage(reason: string): ChatAnswerMessage {
  return { role: 'assistant', content: null, refusal: reason };
}

/** A text answer withheld: empty, finished, without log-probabilities or calls. */
export function abstainedCandidate(candidate: Candidate): Candidate {
  return { ...candidate, text: '', finishReason: 'stop', logprobs: undefined, toolCalls: undefined };
}
