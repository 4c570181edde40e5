import { askedVotePhases, peerVoteAddedSummary, peerVotePhaseTable } from './asked-vote-phases';
import { servedVotePhases } from './served-vote-phases';

const line = (time: number, fields: Record<string, unknown>): string => JSON.stringify({ level: 20, time, ...fields });

const aOutput = [
  'Local Swarm node ready',
  line(100, { msg: 'peer vote asked', requestId: 'req-0', reusedConnection: false, phases: { build: 9 } }),
  line(200, { msg: 'peer vote asked', requestId: 'req-1', reusedConnection: false, phases: { build: 0.2, seal: 0.3, connect: 1, headers: 48, body: 1, open: 0.4, validate: 0.5, screen: 0.1 } }),
  line(210, { msg: 'peer vote asked', requestId: 'req-2', reusedConnection: true, phases: { build: 0.4, seal: 0.5, connect: 0, headers: 69, body: 1, open: 0.6, validate: 0.7, screen: 0.3 } }),
  line(220, { msg: 'peer vote asked', requestId: 'req-unserved', reusedConnection: true, phases: { build: 5 } }),
].join('\n');
const bOutput = [
  line(205, { msg: 'vote served', requestId: 'req-1', durationMs: 45, phases: { open: 1, parse: 1, generate: 44, seal: 1 } }),
  line(215, { msg: 'vote served', requestId: 'req-2', durationMs: 65, phases: { open: 1, parse: 1, generate: 60, seal: 2 } }),
].join('\n');

describe('peerVotePhaseTable', () => {
  it("joins A's and B's phases of the same votes by request id, with the residual of the exchange", () => {
    const asked = askedVotePhases(aOutput, 150);
    expect(asked.map((vote) => vote.requestId)).toEqual(['req-1', 'req-2', 'req-unserved']);
    const table = peerVotePhaseTable('sealed', asked, servedVotePhases(bOutput, 0, 'bench-vote-'));
    expect(table.rows).toEqual([
      ['A: build', 0.3],
      ['A: seal', 0.4],
      ['A: connect', 0.5],
      ['A: headers', 58.5],
      ['A: body', 1],
      ['A: open', 0.5],
      ['A: validate', 0.6],
      ['A: screen', 0.2],
      ['B: open', 1],
      ['B: parse', 1],
      ['B: generate', 52],
      ['B: seal', 1.5],
      // 50 − 47 and 70 − 64
      ['residual: A connect+headers+body − B phases (network, HTTP, event loops)', 4.5],
      // 51.5 − 44 and 72.5 − 60
      ['A: whole call − B generate (all a peer vote adds)', 10],
      ['votes (on a reused connection)', '2 (1)'],
    ]);
  });

  it('sums up what a peer vote added on A against the 10 ms target', () => {
    const summary = peerVoteAddedSummary('open', askedVotePhases(aOutput, 150), servedVotePhases(bOutput, 0, 'bench-vote-'));
    expect(summary).toContain('**10 ms (median of 2, range 8–13)**');
    expect(summary).toContain('**met**');
  });
});
