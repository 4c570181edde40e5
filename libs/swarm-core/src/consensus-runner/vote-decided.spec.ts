import { decide, type Candidate } from '@local-swarm/consensus';
import { isVoteDecided, type PendingVotes } from './vote-decided';

let sequence = 0;
const vote = (text: string, source = 'local', model = 'm'): Candidate => ({
  text,
  score: -0.5,
  source,
  sequence: sequence++,
  model,
  finishReason: 'stop',
  latencyMs: 10,
});
const local = (count: number): PendingVotes[] => [{ source: 'local', model: 'm', count }];

describe('isVoteDecided', () => {
  it('majority: a lead larger than the pending votes is decided', () => {
    expect(isVoteDecided([vote('Paris'), vote('Paris'), vote('Paris')], local(2), { strategy: 'majority' })).toBe(true);
  });

  it('majority: a lead the pending votes could tie or beat is not', () => {
    const received = [vote('Paris'), vote('Paris'), vote('Lyon')];
    expect(isVoteDecided(received, local(1), { strategy: 'majority' })).toBe(false); // 2 vs 2 is a tie
    expect(isVoteDecided(received, local(2), { strategy: 'majority' })).toBe(false);
  });

  it('majority: pending votes could form a new group that wins', () => {
    expect(isVoteDecided([vote('Paris'), vote('Paris')], local(3), { strategy: 'majority' })).toBe(false);
    expect(isVoteDecided([vote('Paris'), vote('Paris')], local(1), { strategy: 'majority' })).toBe(true);
  });

  it('a rival answering with tool calls gets the pending votes as those calls', () => {
    const call = { ...vote(''), toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] };
    const received = [vote('Paris'), vote('Paris'), call];
    // The pending vote joining the calls ties them with the leader, and the tie-breaks favour them.
    expect(isVoteDecided(received, local(1), { strategy: 'majority' })).toBe(false);
    expect(isVoteDecided([...received, vote('Paris')], local(1), { strategy: 'majority' })).toBe(true);
  });

  it('answers that differ only in form count as one group (the canonical form decides)', () => {
    expect(isVoteDecided([vote('Paris.'), vote('paris'), vote('PARIS!')], local(2), { strategy: 'majority' })).toBe(true);
  });

  it('nothing pending, nothing received or a strategy that is not a count: never decided early', () => {
    expect(isVoteDecided([vote('Paris')], [], { strategy: 'majority' })).toBe(false);
    expect(isVoteDecided([], local(2), { strategy: 'majority' })).toBe(false);
    const received = [vote('Paris'), vote('Paris'), vote('Paris')];
    expect(isVoteDecided(received, local(1), { strategy: 'best_of_n' })).toBe(false);
    expect(isVoteDecided(received, local(1), { strategy: 'first_valid' })).toBe(false);
  });

  it('no valid candidate yet (all truncated): not decided', () => {
    const truncated = { ...vote('Paris'), finishReason: 'length' as const };
    expect(isVoteDecided([truncated, truncated, truncated], local(1), { strategy: 'majority' })).toBe(false);
  });

  it('weighted_vote: a heavy source still pending can overturn a lead of light ones', () => {
    const received = [vote('Paris', 'a'), vote('Paris', 'b'), vote('Rome', 'c')];
    const pending: PendingVotes[] = [{ source: 'heavy', model: 'm', count: 1 }];
    const sourceWeights = { a: 1, b: 1, c: 1, heavy: 5 };
    // heavy is clamped just under the others' 3: joining Rome (1) it outweighs Paris (2).
    expect(isVoteDecided(received, pending, { strategy: 'weighted_vote', sourceWeights })).toBe(false);
    expect(isVoteDecided(received, pending, { strategy: 'weighted_vote', sourceWeights: { ...sourceWeights, heavy: 0.5 } })).toBe(true);
  });

  it('a pending source, however heavy, cannot overturn all the others agreeing', () => {
    const received = [vote('Paris', 'a'), vote('Paris', 'b'), vote('Paris', 'c')];
    const pending: PendingVotes[] = [{ source: 'heavy', model: 'm', count: 16 }];
    expect(isVoteDecided(received, pending, { strategy: 'weighted_vote', sourceWeights: { heavy: 100 } })).toBe(true);
    expect(isVoteDecided(received, pending, { strategy: 'majority' })).toBe(true);
  });

  it('weighted_vote: a source whose model is unknown is assumed to carry the heaviest model weight', () => {
    const received = [vote('Paris', 'a', 'small'), vote('Paris', 'b', 'small'), vote('Paris', 'c', 'small'), vote('Rome', 'e', 'small')];
    const unknownModel: PendingVotes[] = [{ source: 'd', model: undefined, count: 1 }];
    const knownLight: PendingVotes[] = [{ source: 'd', model: 'small', count: 1 }];
    const modelWeights = { small: 1, big: 4 };
    expect(isVoteDecided(received, knownLight, { strategy: 'weighted_vote', modelWeights })).toBe(true);
    expect(isVoteDecided(received, unknownModel, { strategy: 'weighted_vote', modelWeights })).toBe(false);
  });

  it('JSON mode: pending votes can only join valid JSON groups and the leader must be valid', () => {
    const json = {};
    const received = [vote('{"a":1}'), vote('{ "a": 1 }'), vote('{"a":1}')];
    expect(isVoteDecided(received, local(2), { strategy: 'majority', json })).toBe(true);
    expect(isVoteDecided([vote('not json'), vote('not json')], local(1), { strategy: 'majority', json })).toBe(false);
  });

  it('layered grouping: never decided on a lead that a pending vote could overturn by merging rivals', () => {
    const question = 'Which city?';
    const received = [
      ...['s1', 's2', 's3', 's4'].map((source) => vote('Boston', source)),
      ...['s5', 's6'].map((source) => vote('New York', source)),
      ...['s7', 's8'].map((source) => vote('York City', source)),
    ];
    const pending: PendingVotes[] = [{ source: 'late', model: 'm', count: 1 }];
    // Canonically no rival can reach Boston's 4 with one more vote...
    expect(isVoteDecided(received, pending, { strategy: 'majority', question, grouping: 'canonical' })).toBe(true);
    // ...but "New York City" joins both rivals (2 + 2 + 1 > 4), so with layers it must wait.
    const merged = decide([...received, vote('New York City', 'late')], { strategy: 'majority', question });
    expect(merged.winner?.candidate.text).not.toBe('Boston');
    expect(isVoteDecided(received, pending, { strategy: 'majority', question })).toBe(false);
    // A leader holding more than every other vote, received and pending, is decided with layers too.
    expect(isVoteDecided([...received, vote('Boston', 's9'), vote('Boston', 's10')], pending, { strategy: 'majority', question })).toBe(true);
  });
});
