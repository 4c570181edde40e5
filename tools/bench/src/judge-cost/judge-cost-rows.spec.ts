import { judgeCostRows, type JudgeRunSample } from './judge-cost-rows';

const sample = (strategy: string, ms: number, applied = strategy, judgeTokens = 0): JudgeRunSample => ({
  strategy,
  ms,
  applied,
  judgeTokens,
  judgeAsked: judgeTokens > 0,
});

describe('judgeCostRows', () => {
  it('gives each strategy its median latency, its ratio to the first, and how often its judge was heeded', () => {
    const rows = judgeCostRows([
      sample('majority', 100),
      sample('majority', 300),
      sample('majority', 200),
      sample('judge', 300, 'judge', 10),
      sample('judge', 500, 'majority', 20),
      sample('judge', 400, 'majority', 0),
    ]);
    expect(rows).toEqual([
      { strategy: 'majority', runs: 3, medianMs: 200, ratio: 1, judgeAsked: 0, heeded: 3, medianJudgeTokens: 0 },
      { strategy: 'judge', runs: 3, medianMs: 400, ratio: 2, judgeAsked: 2, heeded: 1, medianJudgeTokens: 15 },
    ]);
  });
});
