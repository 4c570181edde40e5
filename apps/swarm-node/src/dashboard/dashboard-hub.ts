import type { PeerStatusWire } from '@local-swarm/federation-protocol';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { CandidateArrived, RequestFinished, RequestStarted } from '../observability/request-events';
import type { DashboardPeerSource, PeerChange } from './dashboard-peers';
import type { DashboardEventStream } from './dashboard-sse';
import { DASHBOARD_OPTIONS, DASHBOARD_PEERS, type DashboardOptions } from './dashboard.tokens';
import { NodeFactsReader, type NodeFacts } from './node-facts';
import { RingBuffer, summarizeAnswer, type AnswerSummary } from './recent-answers';

/** `GET /v1/dashboard/state`: everything the page shows, at once. */
export interface DashboardState {
  readonly node: NodeFacts;
  readonly federation: { readonly enabled: boolean };
  readonly peers: readonly PeerStatusWire[];
  /** The last finished requests, newest first. */
  readonly answers: readonly AnswerSummary[];
}

/** The `candidate` event: one candidate of a running request, as it completes. */
export interface CandidateEvent {
  readonly request_id: string;
  readonly candidate: {
    readonly source: string;
    readonly sequence: number;
    readonly model: string;
    readonly text: string;
    readonly score: number | null;
    readonly finish_reason: string;
    readonly latency_ms: number;
    readonly completion_tokens: number | null;
  };
}

/**
 * The dashboard's live side: keeps the recent answers, and fans request and peer events out to
 * every open event stream. Subscribes once at start (not per stream), so the ring fills even
 * while nobody watches.
 */
@Injectable()
export class DashboardHub implements OnModuleInit, OnModuleDestroy {
  private readonly answers: RingBuffer<AnswerSummary>;
  private readonly streams = new Set<DashboardEventStream>();
  private readonly unsubscribes: (() => void)[] = [];
  private ticker: NodeJS.Timeout | null = null;
  /** The peer list last sent, to send the periodic refresh only when something moved. */
  private lastPeersJson = '';

  constructor(
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
    @Inject(DASHBOARD_PEERS) private readonly peers: DashboardPeerSource | null,
    private readonly facts: NodeFactsReader,
  ) {
    this.answers = new RingBuffer(options.recentAnswers);
  }

  onModuleInit(): void {
    const { events } = this.options;
    const onStarted = (started: RequestStarted): void => {
      this.broadcast('started', { request_id: started.requestId, at: new Date(started.at).toISOString(), strategy: started.strategy, mode: started.mode });
      this.broadcastNode();
    };
    const onCandidate = (arrived: CandidateArrived): void => this.broadcast('candidate', toCandidateEvent(arrived));
    const onFinished = (finished: RequestFinished): void => {
      const summary = summarizeAnswer(finished);
      this.answers.push(summary);
      this.broadcast('answer', summary);
      // Requests served and the load moved: no need to wait for the next tick.
      this.broadcastNode();
    };
    events.on('started', onStarted);
    events.on('candidate', onCandidate);
    events.on('finished', onFinished);
    this.unsubscribes.push(
      () => events.off('started', onStarted),
      () => events.off('candidate', onCandidate),
      () => events.off('finished', onFinished),
    );
    if (this.peers !== null) this.unsubscribes.push(this.peers.subscribe((change) => this.sendPeers(change)));
  }

  /** Before the HTTP server closes (Nest disposes it before onApplicationShutdown). */
  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.stopTicker();
    // Open streams would keep the HTTP server from closing.
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  state(): DashboardState {
    return {
      node: this.facts.read(),
      federation: { enabled: this.peers !== null },
      peers: this.peers?.list() ?? [],
      answers: this.answers.newestFirst(),
    };
  }

  /** Number of open event streams. */
  get watchers(): number {
    return this.streams.size;
  }

  /** Starts sending to a new stream: the node and the peers at once, then every change. */
  attach(stream: DashboardEventStream): void {
    this.streams.add(stream);
    stream.onClose(() => this.detach(stream));
    const peers = this.peers?.list() ?? [];
    stream.send('hello', { federation: this.peers !== null, node_id: this.options.swarm.id });
    stream.send('node', this.facts.read());
    stream.send('peers', { peers, change: { kind: 'refresh', node_id: null, name: null } satisfies PeerChange });
    this.startTicker();
  }

  private detach(stream: DashboardEventStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stopTicker();
  }

  private sendPeers(change: PeerChange): void {
    if (this.peers === null) return;
    const peers = this.peers.list();
    this.lastPeersJson = JSON.stringify(peers);
    this.broadcast('peers', { peers, change });
  }

  /** Node load every few seconds (uptime, queue); peers too when their last-seen or RTT moved (no event for those). */
  private tick(): void {
    if (this.streams.size === 0) return;
    this.broadcastNode();
    if (this.peers !== null && JSON.stringify(this.peers.list()) !== this.lastPeersJson) {
      this.sendPeers({ kind: 'refresh', node_id: null, name: null });
    }
  }

  private broadcastNode(): void {
    if (this.streams.size > 0) this.broadcast('node', this.facts.read());
  }

  private broadcast(event: Parameters<DashboardEventStream['send']>[0], data: unknown): void {
    for (const stream of this.streams) stream.send(event, data);
  }

  private startTicker(): void {
    if (this.ticker !== null) return;
    this.ticker = setInterval(() => this.tick(), this.options.nodeIntervalMs);
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker === null) return;
    clearInterval(this.ticker);
    this.ticker = null;
  }
}

function toCandidateEvent({ requestId, candidate }: CandidateArrived): CandidateEvent {
  return {
    request_id: requestId,
    candidate: {
      source: candidate.source,
      sequence: candidate.sequence,
      model: candidate.model,
      text: candidate.text,
      score: candidate.score,
      finish_reason: candidate.finishReason,
      latency_ms: candidate.latencyMs,
      completion_tokens: candidate.completionTokens ?? null,
    },
  };
}
