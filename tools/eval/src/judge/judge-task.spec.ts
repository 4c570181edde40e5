import type { JudgeReply } from '@local-swarm/consensus';
import type { JudgeModel } from '@local-swarm/swarm-core';
import { PARIS, sample, taskRecord } from '../analysis/testing/record-fixture';
import { judgeTask } from './judge-task';

/** A judge that always replies with the same text, and counts how often it was asked. */
function fixedJudge(text: string): JudgeModel & { readonly prompts: string[] } {
  const prompts: string[] = [];
  return {
    id: 'local',
    prompts,
    judge: async (prompt): Promise<JudgeReply> => {
      prompts.push(prompt);
      return { ok: true, reply: { text, score: null, source: 'local', sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1, completionTokens: 9 } };
    },
  };
}

// First 7: Lyon ×4 (majority), Paris ×3; the rest would change nothing (only the first group of 7 is judged).
const record = taskRecord(PARIS, sample('Lyon'), [...['Lyon', 'Lyon', 'Lyon', 'Lyon', 'Paris', 'Paris', 'Paris'], ...Array(9).fill('Paris')].map((text) => sample(text)));
const context = (judge: JudgeModel) => ({ modelId: 'm', judge, signal: new AbortController().signal });

describe('judgeTask', () => {
  it("scores the judge's pick beside majority on the task's first group of 7", async () => {
    const judge = fixedJudge('The most consistent response is Response 2');
    const outcome = await judgeTask(record, 7, context(judge));
    expect(judge.prompts).toHaveLength(1);
    expect(judge.prompts[0]).toContain(PARIS.question);
    expect(outcome).toMatchObject({ taskId: 'f1', judge: 1, majority: 0, asked: true, parsed: true, differs: true, replyTokens: 9 });
  });
  it('falls back to majority when the reply names no response, and says it was not parsed', async () => {
    const outcome = await judgeTask(record, 7, context(fixedJudge('Both are cities.')));
    expect(outcome).toMatchObject({ judge: 0, majority: 0, asked: true, parsed: false, differs: false });
  });
  it('does not ask the judge when the group holds one answer', async () => {
    const judge = fixedJudge('Response 1');
    const outcome = await judgeTask(taskRecord(PARIS, sample('Paris'), Array.from({ length: 7 }, () => sample('Paris'))), 7, context(judge));
    expect(judge.prompts).toHaveLength(0);
    expect(outcome).toMatchObject({ judge: 1, majority: 1, asked: false, parsed: false, replyTokens: 0 });
  });
  it('is null for a task with fewer samples than the group', async () => {
    expect(await judgeTask(taskRecord(PARIS, sample('Paris'), [sample('Paris')]), 7, context(fixedJudge('Response 1')))).toBeNull();
  });
});
