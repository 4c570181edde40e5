import { RequestEvents, type VoteServed } from '../observability/request-events';
import { NO_PEER_VIEW } from '../peers/peer-view';
import { FakeSwarm } from '../testing/fake-swarm';
import { SwarmMetrics } from './swarm-metrics';

function voteServed(overrides: Partial<VoteServed> = {}): VoteServed {
  return {
    requestId: 'req-1',
    originNodeId: 'ls-peer-a',
    clientIp: '10.0.0.7',
    candidates: 3,
    durationMs: 750,
    maxTokensAsked: 64,
    maxTokensGranted: 64,
    error: null,
    ...overrides,
  };
}

/** The sample lines of one metric family in a scrape (comments left out). */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(name));
}

describe('SwarmMetrics: votes served to peers', () => {
  let events: RequestEvents;
  let metrics: SwarmMetrics;

  beforeEach(() => {
    events = new RequestEvents();
    metrics = new SwarmMetrics({ events, swarm: new FakeSwarm(), peers: NO_PEER_VIEW }, { defaultMetrics: false });
  });

  afterEach(() => metrics.stop());

  it('shows both outcomes at 0 before any vote', async () => {
    const text = await metrics.scrape();
    expect(samples(text, 'local_swarm_federation_votes_served_total')).toEqual([
      'local_swarm_federation_votes_served_total{outcome="served"} 0',
      'local_swarm_federation_votes_served_total{outcome="refused"} 0',
    ]);
    expect(text).toContain('# TYPE local_swarm_federation_votes_served_total counter');
  });

  it('counts served and refused votes and times the served ones', async () => {
    events.emit('vote-served', voteServed({ durationMs: 750 }));
    events.emit('vote-served', voteServed({ durationMs: 2000, maxTokensGranted: 16 }));
    events.emit('vote-served', voteServed({ candidates: 0, durationMs: 3, error: { status: 400, code: 'context_length_exceeded' } }));
    const text = await metrics.scrape();
    expect(samples(text, 'local_swarm_federation_votes_served_total')).toEqual([
      'local_swarm_federation_votes_served_total{outcome="served"} 2',
      'local_swarm_federation_votes_served_total{outcome="refused"} 1',
    ]);
    expect(text).toContain('# TYPE local_swarm_federation_vote_duration_seconds histogram');
    expect(samples(text, 'local_swarm_federation_vote_duration_seconds_count')).toEqual(['local_swarm_federation_vote_duration_seconds_count 2']);
    expect(samples(text, 'local_swarm_federation_vote_duration_seconds_sum')).toEqual(['local_swarm_federation_vote_duration_seconds_sum 2.75']);
    expect(samples(text, 'local_swarm_federation_vote_duration_seconds_bucket{le="1"}')).toEqual(['local_swarm_federation_vote_duration_seconds_bucket{le="1"} 1']);
  });

  it('never puts what a peer sent into a label', async () => {
    events.emit('vote-served', voteServed({ originNodeId: 'peer-"injected"', requestId: 'req-"x"' }));
    const text = await metrics.scrape();
    expect(text).not.toContain('injected');
    expect(text).not.toContain('req-');
  });

  it('stops counting on stop()', async () => {
    metrics.stop();
    events.emit('vote-served', voteServed());
    expect(events.listenerCount('vote-served')).toBe(0);
    expect(samples(await metrics.scrape(), 'local_swarm_federation_votes_served_total{outcome="served"}')).toEqual([
      'local_swarm_federation_votes_served_total{outcome="served"} 0',
    ]);
  });
});
