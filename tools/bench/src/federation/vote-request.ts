import { FEDERATION_PROTOCOL_VERSION, type VoteRequestWire } from '@local-swarm/federation-protocol';

export interface GenerationSpec {
  /** A text prompt (no chat template), the same for every way of asking. */
  readonly prompt: string;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topP: number;
  readonly seed: number;
  /** Candidates to generate (the node's instances). */
  readonly candidates: number;
}

/** The `/v1/completions` body for a generation. */
export function completionBody(spec: GenerationSpec): Record<string, unknown> {
  return { prompt: spec.prompt, max_tokens: spec.maxTokens, temperature: spec.temperature, top_p: spec.topP, seed: spec.seed };
}

/**
 * The `POST /v1/federation/vote` body a peer would send for the same generation, as the origin
 * `originNodeId` sends it (hops 1: origin → peer). `protocol` is 1 (open) by default; a sealed
 * vote carries SEAL_PROTOCOL_VERSION and must come from the node that seals it.
 */
export function voteRequestBody(
  spec: GenerationSpec,
  originNodeId: string,
  requestId: string,
  options: { readonly protocol?: number; readonly deadlineMs?: number } = {},
): VoteRequestWire {
  return {
    protocol: options.protocol ?? FEDERATION_PROTOCOL_VERSION,
    request_id: requestId,
    origin_node_id: originNodeId,
    hops: 1,
    deadline_ms: options.deadlineMs ?? 60_000,
    prompt: { kind: 'text', text: spec.prompt },
    max_tokens: spec.maxTokens,
    temperature: spec.temperature,
    top_p: spec.topP,
    seed: spec.seed,
    candidates: spec.candidates,
  };
}

/** Completion tokens of every vote in a vote reply and who voted; null for another shape (an error body). */
export function readVoteReply(body: unknown): { nodeId: string; votes: number; completionTokens: number } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { node_id: nodeId, votes } = body as Record<string, unknown>;
  if (typeof nodeId !== 'string' || !Array.isArray(votes)) return null;
  let completionTokens = 0;
  for (const vote of votes as unknown[]) {
    const tokens = typeof vote === 'object' && vote !== null ? (vote as Record<string, unknown>)['completion_tokens'] : undefined;
    if (typeof tokens !== 'number') return null;
    completionTokens += tokens;
  }
  return { nodeId, votes: votes.length, completionTokens };
}
