import type { Candidate, FinishReason } from '@local-swarm/consensus';

/** What the node itself decided, as its response's `consensus` block says. */
export interface NodeVerdict {
  readonly strategy: string;
  /** Position of the winner in `candidates`; null when the node named none. */
  readonly winnerIndex: number | null;
  /** The answer the node returned (first choice). */
  readonly answer: string;
  /** Why candidates were stopped early (`vote_decided` for majority), or null. */
  readonly earlyStop: string | null;
}

/** One source of the vote as the node reports it (this node is `local`, peers by node id). */
export interface SourceReport {
  readonly id: string;
  readonly ok: boolean;
  readonly candidates: number;
  readonly error: string | null;
}

/** A chat completion of a voting node, reduced to what the federation-quality eval needs. */
export interface ConsensusReply {
  /** Every candidate of the vote, rebuilt as `decide()` takes them, in the node's order. */
  readonly candidates: readonly Candidate[];
  readonly verdict: NodeVerdict;
  readonly sources: readonly SourceReport[];
  /** `usage.completion_tokens`: tokens of every candidate, all nodes (what the request cost). */
  readonly completionTokens: number;
  readonly promptTokens: number;
}

const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'cancelled', 'error'];

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readCandidate(value: unknown, position: number): Read<Candidate> {
  if (!isRecord(value)) return { ok: false, reason: `candidate ${position} is not an object` };
  const { text, score, source, sequence, model, finish_reason: finishReason, latency_ms: latencyMs, completion_tokens: completionTokens } = value;
  if (typeof text !== 'string' || typeof source !== 'string' || typeof model !== 'string') return { ok: false, reason: `candidate ${position} lacks text, source or model` };
  if (typeof sequence !== 'number' || typeof latencyMs !== 'number') return { ok: false, reason: `candidate ${position} lacks sequence or latency_ms` };
  if (score !== null && typeof score !== 'number') return { ok: false, reason: `candidate ${position} has a score that is neither a number nor null` };
  if (!FINISH_REASONS.some((reason) => reason === finishReason)) return { ok: false, reason: `candidate ${position} has finish_reason ${String(finishReason)}` };
  return {
    ok: true,
    value: {
      text,
      score,
      source,
      sequence,
      model,
      finishReason: finishReason as FinishReason,
      latencyMs,
      ...(typeof completionTokens === 'number' ? { completionTokens } : {}),
    },
  };
}

function readSources(value: unknown): SourceReport[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter(isRecord).map((source) => ({
    id: String(source['id']),
    ok: source['ok'] === true,
    candidates: typeof source['candidates'] === 'number' ? source['candidates'] : 0,
    error: typeof source['error'] === 'string' ? source['error'] : null,
  }));
}

/**
 * Reads a `/v1/chat/completions` reply of a node (apps/swarm-node's consensus metadata): every
 * candidate with its source, model, text, score and finish reason, and the node's own verdict.
 * Another shape (an error body, a reply without the block) is `{ ok: false }` with a short reason.
 */
export function readConsensusReply(body: unknown): Read<ConsensusReply> {
  if (!isRecord(body)) return { ok: false, reason: 'reply is not a JSON object' };
  if (isRecord(body['error'])) return { ok: false, reason: `error reply: ${String(body['error']['message'])}` };
  const consensus = body['consensus'];
  const usage = body['usage'];
  const choices = body['choices'];
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  if (!isRecord(consensus) || !Array.isArray(consensus['candidates'])) return { ok: false, reason: 'reply has no consensus.candidates' };
  if (!isRecord(usage) || typeof usage['completion_tokens'] !== 'number' || typeof usage['prompt_tokens'] !== 'number') return { ok: false, reason: 'reply has no usage' };
  const message = isRecord(first) ? first['message'] : undefined;
  const answer = isRecord(message) && typeof message['content'] === 'string' ? message['content'] : null;
  if (answer === null) return { ok: false, reason: 'reply has no choices[0].message.content' };

  const candidates: Candidate[] = [];
  for (const [position, value] of (consensus['candidates'] as unknown[]).entries()) {
    const candidate = readCandidate(value, position);
    if (!candidate.ok) return candidate;
    candidates.push(candidate.value);
  }
  const winner = consensus['winner'];
  const winnerIndex = isRecord(winner) && typeof winner['index'] === 'number' ? winner['index'] : null;
  return {
    ok: true,
    value: {
      candidates,
      verdict: {
        strategy: String(consensus['strategy']),
        winnerIndex,
        answer,
        earlyStop: typeof consensus['early_stop'] === 'string' ? consensus['early_stop'] : null,
      },
      sources: readSources(consensus['sources']),
      completionTokens: usage['completion_tokens'],
      promptTokens: usage['prompt_tokens'],
    },
  };
}
