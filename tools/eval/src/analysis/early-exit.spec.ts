import { disjointGroups } from './sample-candidates';
import { replayEarlyExit } from './early-exit';
import { sample } from './testing/record-fixture';

const replay = (samples: Parameters<typeof disjointGroups>[0]) => replayEarlyExit(disjointGroups(samples, samples.length)[0] ?? [], 'majority', 'model');

describe('replayEarlyExit', () => {
  it('stops once the leader cannot be overturned and charges the stopped ones their steps so far', () => {
    // Three "5"s finish at steps 2..4; two candidates still running could at most make 2 rivals: 3 > 0 + 2.
    const result = replay([sample('5', 2), sample('5', 3), sample('5', 4), sample('7', 10), sample('7', 12)]);
    expect(result.stoppedCandidates).toBe(2);
    expect(result.earlyTokens).toBe(2 + 3 + 4 + 2 * 4);
    expect(result.fullTokens).toBe(2 + 3 + 4 + 10 + 12);
    expect(result.early.groupKey).toBe(result.full.groupKey);
  });
  it('does not stop on a tie: a lead equal to the candidates still running is not enough', () => {
    // After step 3: "5" ×2, "7" ×0, running 2 -> 2 > 0 + 2 is false; runs to the end.
    const result = replay([sample('5', 2), sample('5', 3), sample('7', 9), sample('7', 10)]);
    expect(result.stoppedCandidates).toBe(0);
    expect(result.earlyTokens).toBe(result.fullTokens);
  });
  it('counts candidates finishing on the same step together (lock step)', () => {
    const result = replay([sample('5', 3), sample('5', 3), sample('5', 3), sample('9', 8), sample('9', 8)]);
    expect(result.stoppedCandidates).toBe(2);
    expect(result.earlyTokens).toBe(9 + 2 * 3);
  });
  it('groups by canonical form as decide() does: "Answer: 5" and "5." vote together', () => {
    const result = replay([sample('2 + 3 = 5\nAnswer: 5', 2), sample('5.', 3), sample('The answer is 5', 4), sample('6', 20), sample('7', 20)]);
    expect(result.stoppedCandidates).toBe(2);
    expect(result.early.groupKey).toBe('number:5');
  });
  it('never counts truncated answers toward the lead', () => {
    const result = replay([sample('5', 2, 'length'), sample('5', 2, 'length'), sample('5', 2, 'length'), sample('7', 5), sample('8', 6)]);
    expect(result.stoppedCandidates).toBe(0);
  });
  it('can change the winner only within the winning group, never the group', () => {
    const samples = [sample('Paris', 1), sample('Paris', 2), sample('paris', 2), sample('Lyon', 9), sample('Rome', 9)];
    const result = replay(samples);
    expect(result.early.groupKey).toBe(result.full.groupKey);
  });
});
