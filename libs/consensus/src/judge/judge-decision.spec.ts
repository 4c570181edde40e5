import { decide } from '../decide';
import { candidate, fromSource, winnerText } from '../testing/candidate-fixture';
import { applyJudgeReply, UNPARSEABLE_NOTE, type JudgeReply } from './apply-judge-reply';
import { NO_JUDGE_NOTE } from './decide-without-judge';
import { JUDGE_LIMITS } from './judge-limits';
import { ONE_GROUP_NOTE, planJudge } from './plan-judge';

function asking(texts: readonly string[], role: 'choose' | 'merge' = 'choose') {
  const candidates = fromSource('local', texts);
  const plan = planJudge(candidates, {}, role);
  if (!plan.ask) throw new Error('expected a judge to be asked');
  return { candidates, plan };
}

function judgeSays(text: string, finishReason: 'stop' | 'length' = 'stop'): JudgeReply {
  return { ok: true, reply: candidate({ text, source: 'judge-node', model: 'big-model', finishReason, completionTokens: 9 }) };
}

describe('planJudge', () => {
  it('one answer group: majority decides, no judge is asked', () => {
    const plan = planJudge(fromSource('local', ['Paris', 'Paris', 'paris.']), {}, 'choose');
    expect(plan.ask).toBe(false);
    expect(plan.verdict).toMatchObject({ requestedStrategy: 'judge', strategy: 'majority' });
    expect(plan.verdict.notes).toContain(ONE_GROUP_NOTE);
  });

  it('no candidate voted: majority\'s least bad answer, named as majority\'s since nobody judged', () => {
    const plan = planJudge(fromSource('local', ['', '   ']), {}, 'choose');
    expect(plan.ask).toBe(false);
    expect(plan.verdict).toMatchObject({ requestedStrategy: 'judge', strategy: 'majority', valid: false });
  });

  it('shows each group once, heaviest first, by its representative; dropped candidates are not shown', () => {
    const { plan } = asking(['Lyon', 'Paris', 'Paris', '', 'Marseille']);
    expect(plan.shown.map((response) => response.text)).toEqual(['Paris', 'Lyon', 'Marseille']);
  });

  it(`shows at most ${JUDGE_LIMITS.maxResponses} groups`, () => {
    const { plan } = asking(Array.from({ length: 12 }, (_, i) => `answer number ${i} is different`));
    expect(plan.shown).toHaveLength(JUDGE_LIMITS.maxResponses);
  });
});

describe('applyJudgeReply (judge)', () => {
  it('the named response wins, with strategy judge and the judge in the metadata', () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon']);
    const { verdict, merged } = applyJudgeReply(candidates, {}, plan, judgeSays('The most consistent response is Response 2'));
    expect(merged).toBeNull();
    expect(winnerText(verdict)).toBe('Lyon');
    expect(verdict.strategy).toBe('judge');
    expect(verdict.judge).toEqual({ source: 'judge-node', model: 'big-model', choice: 2, groupsShown: 2, replyTokens: 9, parsed: true, fallback: null });
  });

  it("the judge model's note (e.g. who judged instead of a failed peer) is kept beside the verdict", () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon']);
    const reply = judgeSays('Response 2');
    if (!reply.ok) throw new Error('unreachable');
    const { verdict } = applyJudgeReply(candidates, {}, plan, { ...reply, note: 'judge peer "big" failed: this node judged' });
    expect(verdict.notes).toContain('judge peer "big" failed: this node judged');
  });

  it('an unparseable reply falls back to majority and says so', () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon']);
    const { verdict } = applyJudgeReply(candidates, {}, plan, judgeSays('Both are cities in France.'));
    expect(winnerText(verdict)).toBe('Paris');
    expect(verdict).toMatchObject({ requestedStrategy: 'judge', strategy: 'majority' });
    expect(verdict.notes).toContain(UNPARSEABLE_NOTE);
    expect(verdict.judge).toMatchObject({ choice: null, parsed: false, fallback: UNPARSEABLE_NOTE });
  });

  it('a number outside the shown responses falls back to majority', () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon']);
    expect(winnerText(applyJudgeReply(candidates, {}, plan, judgeSays('Response 3')).verdict)).toBe('Paris');
  });

  it('a failed judge falls back to majority with its reason', () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon']);
    const { verdict } = applyJudgeReply(candidates, {}, plan, { ok: false, reason: 'timed out' });
    expect(winnerText(verdict)).toBe('Paris');
    expect(verdict.notes).toContain('judge failed (timed out): fell back to majority');
  });
});

describe('applyJudgeReply (judge_merge)', () => {
  it("the judge's text wins as a new candidate after the inputs", () => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon'], 'merge');
    const { verdict, merged } = applyJudgeReply(candidates, {}, plan, judgeSays('Paris is the capital.'));
    expect(merged?.text).toBe('Paris is the capital.');
    expect(verdict.winner).toMatchObject({ index: candidates.length, weight: 0 });
    expect(verdict.strategy).toBe('judge_merge');
    expect(verdict.judge).toMatchObject({ choice: null, parsed: true, fallback: null });
  });

  it.each([
    ['truncated', judgeSays('Paris is the', 'length')],
    ['empty', judgeSays('   ')],
  ])('a %s merge falls back to majority', (_, reply) => {
    const { candidates, plan } = asking(['Paris', 'Paris', 'Lyon'], 'merge');
    const { verdict, merged } = applyJudgeReply(candidates, {}, plan, reply);
    expect(merged).toBeNull();
    expect(winnerText(verdict)).toBe('Paris');
    expect(verdict.strategy).toBe('majority');
    expect(verdict.judge?.fallback).toMatch(/fell back to majority/);
  });
});

describe('decide() with a judged strategy', () => {
  it('has no judge to ask: majority, saying so', () => {
    const verdict = decide(fromSource('local', ['Paris', 'Paris', 'Lyon']), { strategy: 'judge' });
    expect(winnerText(verdict)).toBe('Paris');
    expect(verdict.notes).toContain(NO_JUDGE_NOTE);
  });
});
