import type { ConsensusRun } from '@local-swarm/swarm-core';
import type { PreparedRequest } from '../prepared-request';
import { abstentionReason } from '../responses/abstention';
import type { ConsensusMetadata } from '../responses/consensus-metadata';
import { consensusOf, usageOf } from '../responses/completion-responses';
import { outputItemsOf, outputTextOf, refusalOutputOf, type OutputItem } from './response-output';
import type { ResponsesRequestDto } from './responses-request.dto';

/** What a response echoes of its request, fixed when it is created (before the vote). */
export interface ResponseHeader {
  readonly id: string;
  readonly created_at: number;
  readonly model: string;
  readonly instructions: string | null;
  readonly max_output_tokens: number | null;
  readonly temperature: number | null;
  readonly top_p: number | null;
  readonly tool_choice: unknown;
  readonly tools: unknown;
  readonly parallel_tool_calls: boolean;
  readonly text: unknown;
  readonly store: false;
  readonly previous_response_id: null;
  readonly metadata: null;
  readonly error: null;
}

/** OpenAI's Response object, plus the vote (`consensus`). */
export interface ResponseObject extends ResponseHeader {
  readonly object: 'response';
  readonly status: 'in_progress' | 'completed' | 'incomplete';
  readonly incomplete_details: { readonly reason: 'max_output_tokens' } | null;
  readonly output: readonly OutputItem[];
  readonly output_text: string;
  readonly usage: ResponseUsage | null;
  readonly consensus?: ConsensusMetadata;
}

export interface ResponseUsage {
  readonly input_tokens: number;
  readonly input_tokens_details: { readonly cached_tokens: number };
  readonly output_tokens: number;
  readonly output_tokens_details: { readonly reasoning_tokens: number };
  readonly total_tokens: number;
}

export function responseHeaderOf(id: string, model: string, body: ResponsesRequestDto): ResponseHeader {
  return {
    id,
    created_at: Math.floor(Date.now() / 1000),
    model,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    temperature: body.temperature ?? null,
    top_p: body.top_p ?? null,
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    text: body.text ?? { format: { type: 'text' } },
    store: false,
    previous_response_id: null,
    metadata: null,
    error: null,
  };
}

/** A response that has not answered yet (the first stream events carry it). */
export function pendingResponse(header: ResponseHeader): ResponseObject {
  return { ...header, object: 'response', status: 'in_progress', incomplete_details: null, output: [], output_text: '', usage: null };
}

/**
 * The finished response: the winner's items, its usage (the hidden candidates' cost is in
 * consensus.usage). Below the request's `min_agreement` the node abstains: the one message is a
 * refusal saying why, and the consensus metadata says so too.
 */
export function finishedResponse(header: ResponseHeader, run: ConsensusRun, prepared: Pick<PreparedRequest, 'generation' | 'minAgreement'>): ResponseObject {
  const trivialAgreement = prepared.generation.temperature === 0;
  const abstained = abstentionReason(run.verdict.agreement, prepared.minAgreement);
  const completed = { run, model: header.model, choices: 1, trivialAgreement, abstained };
  const usage = usageOf(completed);
  const output = abstained === null ? outputItemsOf(run.verdict.winner?.candidate) : refusalOutputOf(abstained);
  const cutShort = abstained === null && run.verdict.winner?.candidate.finishReason === 'length';
  return {
    ...header,
    object: 'response',
    status: cutShort ? 'incomplete' : 'completed',
    incomplete_details: cutShort ? { reason: 'max_output_tokens' } : null,
    output,
    output_text: outputTextOf(output),
    usage: {
      input_tokens: usage.prompt_tokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: usage.completion_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.total_tokens,
    },
    consensus: consensusOf(completed),
  };
}
