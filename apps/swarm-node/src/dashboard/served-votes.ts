import type { VoteServed } from '../observability/request-events';
import { RingBuffer } from './recent-answers';

/** Served votes the dashboard keeps by default. */
export const DEFAULT_RECENT_SERVED_VOTES = 20;

/** One vote this node generated for a peer, as the page shows it. The ids are what the peer sent. */
export interface ServedVoteSummary {
  readonly request_id: string;
  readonly origin_node_id: string;
  readonly client_ip: string;
  /** ISO 8601, when the reply went out. */
  readonly at: string;
  readonly candidates: number;
  readonly duration_ms: number;
  readonly max_tokens_asked: number;
  readonly max_tokens_granted: number;
  /** This node generated fewer tokens than the peer asked for (its own limit). */
  readonly clamped: boolean;
  readonly error: VoteServed['error'];
}

/** What `GET /v1/dashboard/state` says of the votes served to peers. */
export interface ServedVotesState {
  /** Since start: votes answered with candidates, and votes refused with an error status. */
  readonly served: number;
  readonly refused: number;
  /** The last ones, newest first. */
  readonly recent: readonly ServedVoteSummary[];
}

export function summarizeServedVote(vote: VoteServed, at: number): ServedVoteSummary {
  return {
    request_id: vote.requestId,
    origin_node_id: vote.originNodeId,
    client_ip: vote.clientIp,
    at: new Date(at).toISOString(),
    candidates: vote.candidates,
    duration_ms: vote.durationMs,
    max_tokens_asked: vote.maxTokensAsked,
    max_tokens_granted: vote.maxTokensGranted,
    clamped: vote.maxTokensGranted < vote.maxTokensAsked,
    error: vote.error,
  };
}

/** The counts since start and the last served votes (a ring: a busy peer cannot grow it). */
export class ServedVotes {
  private served = 0;
  private refused = 0;
  private readonly recent: RingBuffer<ServedVoteSummary>;

  constructor(capacity = DEFAULT_RECENT_SERVED_VOTES) {
    this.recent = new RingBuffer(capacity);
  }

  record(vote: VoteServed, at = Date.now()): ServedVoteSummary {
    const summary = summarizeServedVote(vote, at);
    if (vote.error === null) this.served += 1;
    else this.refused += 1;
    this.recent.push(summary);
    return summary;
  }

  state(): ServedVotesState {
    return { served: this.served, refused: this.refused, recent: this.recent.newestFirst() };
  }
}
