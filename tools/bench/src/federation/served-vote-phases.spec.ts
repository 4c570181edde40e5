import { servedPhaseTable, servedVotePhases } from './served-vote-phases';

const line = (time: number, fields: Record<string, unknown>): string => JSON.stringify({ level: 30, time, ...fields });

describe('servedVotePhases', () => {
  const output = [
    'Local Swarm node ready',
    line(100, { msg: 'vote served', requestId: 'bench-vote--1', durationMs: 50, phases: { parse: 1 } }),
    line(200, { msg: 'vote served', requestId: 'req-a-1', durationMs: 40, phases: { open: 0.5, parse: 0.2, generate: 38, seal: 0.4 } }),
    line(210, { msg: 'vote served', requestId: 'bench-vote-0', durationMs: 44, phases: { open: 0.7, parse: 0.3, generate: 42, seal: 0.6 } }),
    line(220, { msg: 'vote served', requestId: 'req-a-2', durationMs: 60, phases: { open: 1.5, parse: 0.4, generate: 56, seal: 0.8 } }),
    line(230, { msg: 'vote refused', requestId: 'req-a-3', durationMs: 1 }),
    line(240, { msg: 'vote served', requestId: 'req-a-4', durationMs: 10 }),
  ].join('\n');

  it('reads the phases of votes served from a time on, telling the benchmark’s votes from A’s', () => {
    const votes = servedVotePhases(output, 150, 'bench-vote-');
    expect(votes.map((vote) => [vote.asker, vote.requestId])).toEqual([
      ['A', 'req-a-1'],
      ['benchmark', 'bench-vote-0'],
      ['A', 'req-a-2'],
    ]);
  });

  it('tabulates the median of each phase present, per asker', () => {
    const table = servedPhaseTable('sealed', servedVotePhases(output, 150, 'bench-vote-'));
    expect(table.rows).toEqual([
      ['open', 1, 0.7],
      ['parse', 0.3, 0.3],
      ['generate', 47, 42],
      ['seal', 0.6, 0.6],
      ['whole vote on B (durationMs)', 50, 44],
      ['votes', 2, 1],
    ]);
  });
});
