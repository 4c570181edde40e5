import type { RankedCandidate } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import { randomUUID } from 'node:crypto';
import { PLAIN_ANSWER, type AnswerShape } from './answer-shape';
import { abstainedCandidate, refusalMessage } from './abstention';
import { chatAnswerOf, type ChatAnswerMessage } from './chat-answer';
import { chatLogprobsOf, type ChatLogprobs } from './chat-logprobs';
import { buildConsensusMetadata, type ConsensusMetadata } from './consensus-metadata';
import { toOpenAiFinishReason, type OpenAiFinishReason } from './finish-reason';
import { textLogprobsOf, type TextLogprobs } from './text-logprobs';
import { returnedCandidates, returnedCompletionTokens } from './returned-tokens';

export { toOpenAiFinishReason, type OpenAiFinishReason } from './finish-reason';

export interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
}

/** Everything the builders need about one finished request. */
export interface CompletedRequest {
  readonly run: ConsensusRun;
  readonly model: string;
  readonly choices: number;
  readonly trivialAgreement: boolean;
  /** How the answer is written; default: plain. */
  readonly answer?: AnswerShape;
  /** Set when the node abstains (agreement below `min_agreement`): why, sent instead of the answer. */
  readonly abstained?: string | null;
}

export function newCompletionId(prefix: 'chatcmpl' | 'cmpl'): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The top `n` candidates of the verdict's ranking, winner first. */
export function topChoices(request: CompletedRequest): readonly RankedCandidate[] {
  return returnedCandidates(request.run, request.choices);
}

/** The prompt once and the returned choices' tokens (what the whole vote cost is in consensus.usage). */
export function usageOf(request: CompletedRequest): Usage {
  const completionTokens = returnedCompletionTokens(request.run, request.choices);
  return {
    prompt_tokens: request.run.usage.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: request.run.usage.promptTokens + completionTokens,
  };
}

export interface ChatCompletion {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  readonly choices: readonly {
    readonly index: number;
    readonly message: ChatAnswerMessage;
    readonly logprobs: ChatLogprobs | null;
    readonly finish_reason: OpenAiFinishReason;
  }[];
  readonly usage: Usage;
  readonly consensus: ConsensusMetadata;
}

export function buildChatCompletion(request: CompletedRequest): ChatCompletion {
  return {
    id: newCompletionId('chatcmpl'),
    object: 'chat.completion',
    created: nowSeconds(),
    model: request.model,
    choices: topChoices(request).map((ranked, index) => {
      if (typeof request.abstained === 'string') return { index, message: refusalMessage(request.abstained), logprobs: null, finish_reason: 'stop' as const };
      const { message, finishReason } = chatAnswerOf(ranked.candidate, answerOf(request));
      const logprobs = answerOf(request).logprobs ? chatLogprobsOf(ranked.candidate.logprobs) : null;
      return { index, message, logprobs, finish_reason: finishReason };
    }),
    usage: usageOf(request),
    consensus: consensusOf(request),
  };
}

/** The consensus metadata, marked with the reason when the node abstained. */
export function consensusOf(request: CompletedRequest): ConsensusMetadata {
  const metadata = buildConsensusMetadata(request.run, request.trivialAgreement);
  return typeof request.abstained === 'string' ? { ...metadata, abstained: true, abstained_reason: request.abstained } : metadata;
}

export interface TextCompletion {
  readonly id: string;
  readonly object: 'text_completion';
  readonly created: number;
  readonly model: string;
  readonly choices: readonly {
    readonly index: number;
    readonly text: string;
    readonly logprobs: TextLogprobs | null;
    readonly finish_reason: OpenAiFinishReason;
  }[];
  readonly usage: Usage;
  readonly consensus: ConsensusMetadata;
}

export function buildTextCompletion(request: CompletedRequest): TextCompletion {
  return {
    id: newCompletionId('cmpl'),
    object: 'text_completion',
    created: nowSeconds(),
    model: request.model,
    // OpenAI's completions have no refusal field: an abstention is an empty text, the reason in consensus.
    choices: topChoices(request).map((ranked) => (typeof request.abstained === 'string' ? abstainedCandidate(ranked.candidate) : ranked.candidate)).map((candidate, index) => ({
      index,
      text: `${answerOf(request).echoPrompt ?? ''}${candidate.text}`,
      logprobs: answerOf(request).logprobs ? textLogprobsOf(candidate.logprobs, answerOf(request).promptChars) : null,
      finish_reason: toOpenAiFinishReason(candidate.finishReason),
    })),
    usage: usageOf(request),
    consensus: consensusOf(request),
  };
}

export function answerOf(request: CompletedRequest): AnswerShape {
  return request.answer ?? PLAIN_ANSWER;
}

/**
 * Splits a chosen answer into stream deltas (a word with its trailing space each), so clients
 * that render deltas see the text arrive progressively once the vote is done.
 */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}
