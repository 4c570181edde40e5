import type { PersistedLearnedWeights } from '@local-swarm/federation';
import type { PeerStatusWire } from '@local-swarm/federation-protocol';
import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LOCAL_SWARM, type LocalSwarm } from '../core/core.tokens';
import { candidateToWire, type CandidateWire } from '../http/candidate-to-wire';
import { RequestEvents, type CandidateArrived, type RequestFinished, type RequestStarted, type VoteServed } from '../observability/request-events';
import { LEARNED_WEIGHTS, PEER_VIEW, type PeerChange, type PeerView } from '../peers/peers.tokens';
import type { DashboardEventStream } from './dashboard-sse';
import { DashboardStreams } from './dashboard-streams';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './dashboard.tokens';
import { learnedWeightsState, type LearnedWeightWire } from './learned-weights-state';
import { NodeFactsReader, type NodeFacts } from './node-facts';
import { RingBuffer, summarizeAnswer, type AnswerSummary } from './recent-answers';
import { ServedVotes, type ServedVotesState } from './served-votes';

/** `GET /v1/dashboard/state`: everything the page shows, at once. */
export interface DashboardState {
  readonly node: NodeFacts;
  readonly federation: { readonly enabled: boolean };
  readonly peers: readonly PeerStatusWire[];
  /** The last finished requests, newest first. */
  readonly answers: readonly AnswerSummary[];
  /** Votes this node generated for peers: counts since start and the last ones. */
  readonly served_votes: ServedVotesState;
  /** weighted_vote weights learned from agreement, per source (this node and its peers). */
  readonly learned_weights: readonly LearnedWeightWire[];
}

/** The `candidate` event: one candidate of a running request, as it completes. */
export interface CandidateEvent {
  readonly request_id: string;
  readonly candidate: CandidateWire;
}

const PEERS_REFRESH: PeerChange = { kind: 'refresh', node_id: null, name: null };

/**
 * The dashboard's live side: keeps the recent answers, and fans request and peer events out to
 * every open event stream. Subscribes once at start (not per stream), so the ring fills even
 * while nobody watches.
 */
@Injectable()
export class DashboardHub implements OnModuleInit, OnModuleDestroy {
  private readonly answers: RingBuffer<AnswerSummary>;
  private readonly servedVotes = new ServedVotes();
  private readonly streams: DashboardStreams;
  private readonly unsubscribes: (() => void)[] = [];
  /** The peer list last sent, to send the periodic refresh only when something moved. */
  private lastPeersJson = '';

  constructor(
    @Inject(DASHBOARD_OPTIONS) options: DashboardOptions,
    @Inject(PEER_VIEW) private readonly peers: PeerView,
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    private readonly events: RequestEvents,
    private readonly facts: NodeFactsReader,
    @Optional() @Inject(LEARNED_WEIGHTS) private readonly learned: Pick<PersistedLearnedWeights, 'entries'> | null = null,
  ) {
    this.answers = new RingBuffer(options.recentAnswers);
    this.streams = new DashboardStreams(options.nodeIntervalMs, () => this.tick());
  }

  onModuleInit(): void {
    const { events } = this;
    const onStarted = (started: RequestStarted): void => {
      this.streams.broadcast('started', { request_id: started.requestId, at: new Date(started.at).toISOString(), strategy: started.strategy, mode: started.mode });
      this.broadcastNode();
    };
    const onCandidate = ({ requestId, candidate }: CandidateArrived): void =>
      this.streams.broadcast('candidate', { request_id: requestId, candidate: candidateToWire(candidate) } satisfies CandidateEvent);
    const onFinished = (finished: RequestFinished): void => {
      const summary = summarizeAnswer(finished);
      this.answers.push(summary);
      this.streams.broadcast('answer', summary);
      // Requests served and the load moved: no need to wait for the next tick.
      this.broadcastNode();
    };
    const onVoteServed = (vote: VoteServed): void => this.streams.broadcast('vote-served', this.servedVotes.record(vote));
    events.on('started', onStarted);
    events.on('candidate', onCandidate);
    events.on('finished', onFinished);
    events.on('vote-served', onVoteServed);
    this.unsubscribes.push(
      () => events.off('started', onStarted),
      () => events.off('candidate', onCandidate),
      () => events.off('finished', onFinished),
      () => events.off('vote-served', onVoteServed),
      this.peers.subscribe((change) => this.sendPeers(change)),
    );
  }

  /** Before the HTTP server closes (Nest disposes it before onApplicationShutdown). */
  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.streams.closeAll();
  }

  state(): DashboardState {
    return {
      node: this.facts.read(),
      federation: { enabled: this.peers.federation },
      peers: this.peers.list(),
      answers: this.answers.newestFirst(),
      served_votes: this.servedVotes.state(),
      learned_weights: learnedWeightsState(this.learned?.entries() ?? []),
    };
  }

  /** Number of open event streams. */
  get watchers(): number {
    return this.streams.size;
  }

  /** Starts sending to a new stream: the node and the peers at once, then every change. */
  attach(stream: DashboardEventStream): void {
    this.streams.add(stream);
    stream.send('hello', { federation: this.peers.federation, node_id: this.swarm.id });
    stream.send('node', this.facts.read());
    stream.send('peers', { peers: this.peers.list(), change: PEERS_REFRESH });
  }

  private sendPeers(change: PeerChange): void {
    const peers = this.peers.list();
    this.lastPeersJson = JSON.stringify(peers);
    this.streams.broadcast('peers', { peers, change });
  }

  /** Node load every few seconds (uptime, queue); peers too when their last-seen or RTT moved (no event for those). */
  private tick(): void {
    if (this.streams.size === 0) return;
    this.broadcastNode();
    if (this.peers.federation && JSON.stringify(this.peers.list()) !== this.lastPeersJson) this.sendPeers(PEERS_REFRESH);
  }

  private broadcastNode(): void {
    if (this.streams.size > 0) this.streams.broadcast('node', this.facts.read());
  }
}
