import type { JudgeOutcome } from './judge-outcome';
import { summariseJudge } from './summarise-judge';

function outcome(judge: number, majority: number, asked = true, parsed = asked, wallMs = 100): JudgeOutcome {
  return { taskId: `t${judge}${majority}`, family: 'factual', judge, majority, asked, parsed, differs: judge !== majority, replyTokens: asked ? 10 : 0, wallMs };
}

describe('summariseJudge', () => {
  const outcomes = [outcome(1, 0), outcome(1, 1), outcome(0, 1, true, false), outcome(1, 1, false, false, 5), outcome(1, 0, true, true, 300)];
  const summary = summariseJudge('overall', outcomes, { seed: 1, resamples: 200 });

  it('pairs judge − majority task by task', () => {
    expect(summary.judge.estimate).toBeCloseTo(4 / 5, 12);
    expect(summary.majority.estimate).toBeCloseTo(3 / 5, 12);
    expect(summary.judgeMinusMajority.estimate).toBeCloseTo(1 / 5, 12);
  });
  it('counts asks, parsed replies and overrulings, and costs only over asked tasks', () => {
    expect([summary.asked, summary.parsed, summary.differs]).toEqual([4, 3, 3]);
    expect(summary.meanReplyTokens).toBe(10);
    expect(summary.medianWallMs).toBe(100);
  });
  it('refuses an empty list', () => {
    expect(() => summariseJudge('factual', [], {})).toThrow(RangeError);
  });
});
