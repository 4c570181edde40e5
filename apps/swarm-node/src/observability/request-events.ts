import type { Candidate, StrategyName } from '@local-swarm/consensus';
import type { FederationMode } from '@local-swarm/federation';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** A client request entered consensus. */
export interface RequestStarted {
  readonly requestId: string;
  readonly at: number;
  readonly strategy: StrategyName;
  readonly mode: FederationMode;
}

/** One candidate of a running request completed (from this node or a peer). */
export interface CandidateArrived {
  readonly requestId: string;
  readonly candidate: Candidate;
}

/** A request finished: with its consensus run, or with the error the client got. */
export interface RequestFinished {
  readonly requestId: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly strategy: StrategyName;
  readonly mode: FederationMode;
  readonly run: ConsensusRun | null;
  /** Choices the client asked for (OpenAI's `n`): the top of the run's ranking it got back; default 1. */
  readonly choices?: number;
  readonly error: { readonly status: number; readonly code: string | null; readonly message: string } | null;
}

/** A peer's vote for a request failed (timeout, refused, bad reply…). */
export interface VoteFailed {
  readonly nodeId: string;
  /** FederationErrorCode, e.g. FEDERATION_ERR_TIMEOUT. */
  readonly code: string;
}

/** This node answered a peer's vote request: with candidates, or with the error the peer got. */
export interface VoteServed {
  /** The asking node's request id, as it sent it. */
  readonly requestId: string;
  /** The asking node's id, as it sent it: peer-controlled text. */
  readonly originNodeId: string;
  readonly clientIp: string;
  /** Candidates sent back (0 when refused). */
  readonly candidates: number;
  readonly durationMs: number;
  readonly maxTokensAsked: number;
  /** What this node generated at most: lower than asked when the node clamped the request. */
  readonly maxTokensGranted: number;
  readonly error: { readonly status: number; readonly code: string | null } | null;
}

interface RequestEventMap {
  started: [RequestStarted];
  candidate: [CandidateArrived];
  finished: [RequestFinished];
  'vote-failed': [VoteFailed];
  'vote-served': [VoteServed];
}

/**
 * What happens to client requests, as events: the dashboard, metrics and logs subscribe here
 * instead of each reaching into the completion path.
 */
@Injectable()
export class RequestEvents extends EventEmitter<RequestEventMap> {
  /** Requests finished since start (answered or failed). */
  finishedCount = 0;

  constructor() {
    super();
    // Several subscribers (dashboard streams) may listen; none of them is a leak.
    this.setMaxListeners(0);
    this.on('finished', () => (this.finishedCount += 1));
  }
}
