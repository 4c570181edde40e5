import * as consensus from '@local-swarm/consensus';
import type { Candidate, ConsensusOptions } from '@local-swarm/consensus';
import { EARLY_EXIT_TEXT_BUDGET, isVoteDecided, type PendingVotes } from './vote-decided';

jest.mock('@local-swarm/consensus', () => {
  const actual: typeof consensus = jest.requireActual('@local-swarm/consensus');
  return { ...actual, decide: jest.fn(actual.decide) };
});

const decideSpy = jest.mocked(consensus.decide);
const { decide: realDecide } = jest.requireActual<typeof consensus>('@local-swarm/consensus');

function vote(text: string, source: string, sequence: number, score = -0.5): Candidate {
  return { text, score, source, sequence, model: 'm', finishReason: 'stop', latencyMs: 10 };
}

/**
 * The rule isVoteDecided implements on canonical groups (the specs here ask for `grouping:
 * 'canonical'`; layered grouping adds a majority condition, see vote-decided.spec), asked the slow way: decide() once per rival group (and once
 * for a new group) with every pending vote joining it.
 */
function decidedByAskingEveryRival(received: Candidate[], pending: PendingVotes[], options: ConsensusOptions): boolean {
  if (consensus.strategyTraits(options.strategy).earlyStop !== 'decided-lead') return false;
  if (pending.every((votes) => votes.count === 0) || received.length === 0) return false;
  const now = realDecide(received, options);
  if (now.winner === null || !now.valid) return false;
  const leader = now.winner.groupKey;
  const weights = Object.entries(options.modelWeights ?? {}).sort(([, a], [, b]) => b - a);
  const heaviest = (weights[0]?.[1] ?? 0) > 1 ? (weights[0]?.[0] ?? '') : 'no such model';
  const texts = now.groups.filter((group) => group.key !== leader).map((group) => received[group.memberIndexes[0] ?? 0]?.text ?? '');
  return [...texts, '{"a fresh group": true}'].every((text) => {
    const joined = pending.flatMap((votes) =>
      Array.from({ length: votes.count }, (_, i): Candidate => ({ ...vote(text, votes.source, Number.MAX_SAFE_INTEGER - i, 0), model: votes.model ?? heaviest, latencyMs: 0 })),
    );
    return realDecide([...received, ...joined], options).winner?.groupKey === leader;
  });
}

describe('isVoteDecided cost', () => {
  beforeEach(() => decideSpy.mockClear());

  it('asks decide() a bounded number of times with 64 rival groups, not once per rival', () => {
    const leader = Array.from({ length: 70 }, (_, i) => vote('Paris', `local`, i));
    const rivals = Array.from({ length: 64 }, (_, i) => vote(`rival answer number ${i} is different`, `peer-${i}`, 0));
    const received = [...leader, ...rivals];
    expect(isVoteDecided(received, [{ source: 'late', model: 'm', count: 5 }], { strategy: 'majority', grouping: 'canonical' })).toBe(true);
    expect(decideSpy.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('does not try to decide early (no decide() call) once the texts received exceed the budget', () => {
    const long = `Paris ${'and its long explanation '.repeat(Math.ceil(EARLY_EXIT_TEXT_BUDGET / 3 / 25))}`;
    const received = [vote(long, 'a', 0), vote(long, 'b', 0), vote(long, 'c', 0)];
    expect(received.reduce((chars, candidate) => chars + candidate.text.length, 0)).toBeGreaterThan(EARLY_EXIT_TEXT_BUDGET);
    expect(isVoteDecided(received, [{ source: 'late', model: 'm', count: 1 }], { strategy: 'majority', grouping: 'canonical' })).toBe(false);
    expect(decideSpy).not.toHaveBeenCalled();
    // The same agreement on short texts is decided.
    const short = [vote('Paris', 'a', 0), vote('Paris', 'b', 0), vote('Paris', 'c', 0)];
    expect(isVoteDecided(short, [{ source: 'late', model: 'm', count: 1 }], { strategy: 'majority', grouping: 'canonical' })).toBe(true);
  });

  it('ties on weight with 64 rivals: still a bounded number of decide() calls', () => {
    // Leader weight 2, 64 rivals of weight 1, one pending vote: every rival could tie the leader.
    const received = [vote('Paris', 'a', 0), vote('Paris', 'b', 0)];
    for (let i = 0; i < 64; i++) received.push(vote(`rival ${String.fromCharCode(97 + (i % 26))}${i} words`, `peer-${i}`, 0));
    const pending: PendingVotes[] = [{ source: 'late', model: 'm', count: 1 }];
    const expected = decidedByAskingEveryRival(received, pending, { strategy: 'majority', grouping: 'canonical' });
    decideSpy.mockClear();
    expect(isVoteDecided(received, pending, { strategy: 'majority', grouping: 'canonical' })).toBe(expected);
    expect(decideSpy.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('agrees with asking decide() about every rival, on many random votes', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const answers = ['Paris', 'Lyon', 'Nice', '42', 'B', 'yes', 'no', 'I hope this helps! '.repeat(5)];
    const scores = [-0.5, -0.1, 0, 0.2, null];
    for (let trial = 0; trial < 400; trial++) {
      const received: Candidate[] = Array.from({ length: 1 + random(8) }, (_, i) => ({
        ...vote(answers[random(answers.length)] ?? 'Paris', `s${random(4)}`, i, 0),
        score: scores[random(scores.length)] ?? null,
        model: random(2) === 0 ? 'small' : 'big',
      }));
      const pending: PendingVotes[] = Array.from({ length: 1 + random(3) }, () => ({
        source: `s${random(5)}`,
        model: random(3) === 0 ? undefined : 'small',
        count: random(3),
      }));
      const options: ConsensusOptions =
        random(2) === 0
          ? { strategy: 'majority', grouping: 'canonical' }
          : { strategy: 'weighted_vote', grouping: 'canonical', sourceWeights: { s0: 1, s1: 2, s2: 0.5, s4: 3 }, modelWeights: { small: 1, big: 2 } };
      expect([trial, isVoteDecided(received, pending, options)]).toEqual([trial, decidedByAskingEveryRival(received, pending, options)]);
    }
  });

  it('asks decide() nothing while one source has sent fewer votes than it still owes (majority)', () => {
    const pending: PendingVotes[] = [{ source: 'local', model: 'm', count: 3 }];
    expect(isVoteDecided([vote('Paris', 'local', 0)], pending, { strategy: 'majority', grouping: 'canonical' })).toBe(false);
    expect(decideSpy).not.toHaveBeenCalled();
    // Once as many have arrived as are pending, decide() judges.
    expect(isVoteDecided([vote('Paris', 'local', 0), vote('Paris', 'local', 1)], [{ source: 'local', model: 'm', count: 2 }], { strategy: 'majority', grouping: 'canonical' })).toBe(false);
    expect(decideSpy).toHaveBeenCalled();
  });

  it('leaves the count bound out where votes can weigh other than 1: another source, weights, checks', () => {
    const received = [vote('Paris', 'a', 0), vote('Paris', 'b', 0), vote('Paris', 'c', 0)];
    // Source c's pending votes are clamped below the others': decided though 3 < 10.
    expect(isVoteDecided(received, [{ source: 'c', model: 'm', count: 10 }], { strategy: 'majority', grouping: 'canonical' })).toBe(
      decidedByAskingEveryRival(received, [{ source: 'c', model: 'm', count: 10 }], { strategy: 'majority', grouping: 'canonical' }),
    );
    expect(decideSpy).toHaveBeenCalled();
  });

  it('agrees with asking decide() about every rival for one source arriving vote by vote', () => {
    const answers = ['Paris', 'paris', 'Lyon', 'Paris.', ''];
    for (let total = 2; total <= 9; total++) {
      for (let trial = 0; trial < 20; trial++) {
        const texts = Array.from({ length: total }, (_, i) => answers[(i * 7 + trial * 3 + total) % (trial % 3 === 0 ? 1 : answers.length)] ?? 'Paris');
        for (let arrived = 1; arrived < total; arrived++) {
          const received = texts.slice(0, arrived).map((text, i) => ({ ...vote(text, 'local', i), score: i % 2 === 0 ? -0.5 : 0 }));
          const pending: PendingVotes[] = [{ source: 'local', model: 'm', count: total - arrived }];
          const options: ConsensusOptions = { strategy: 'majority', grouping: 'canonical' };
          expect([total, trial, arrived, isVoteDecided(received, pending, options)]).toEqual([total, trial, arrived, decidedByAskingEveryRival(received, pending, options)]);
        }
      }
    }
  });
});
