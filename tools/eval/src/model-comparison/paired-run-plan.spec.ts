import { pairedRunPlan } from './paired-run-plan';

const defaults = { baselineModel: '/cache/A.Q4_1.gguf', candidateModel: '/cache/A.Q4_0.gguf', recordsDir: 'tmp/eval/paired' };

describe('pairedRunPlan', () => {
  it('runs answer-quality on both files with the same flags, then compares their records', () => {
    const plan = pairedRunPlan(['--factual', '120', '--samples', '8', '--seed', '3'], defaults);
    expect(plan.runs.map((run) => run.args)).toEqual([
      ['--factual', '120', '--samples', '8', '--seed', '3', '--model', '/cache/A.Q4_1.gguf', '--records', 'tmp/eval/paired/A.Q4_1.jsonl'],
      ['--factual', '120', '--samples', '8', '--seed', '3', '--model', '/cache/A.Q4_0.gguf', '--records', 'tmp/eval/paired/A.Q4_0.jsonl'],
    ]);
    expect(plan.compareArgs).toEqual(['--baseline', 'tmp/eval/paired/A.Q4_1.jsonl', '--candidate', 'tmp/eval/paired/A.Q4_0.jsonl', '--report-only']);
    expect(plan.runReportDir).toBe('tmp/eval/paired/reports');
  });

  it('takes other files by flag', () => {
    const plan = pairedRunPlan(['--candidate-model', '/tmp/B.IQ4_NL.gguf'], defaults);
    expect(plan.runs.map((run) => run.model)).toEqual(['/cache/A.Q4_1.gguf', '/tmp/B.IQ4_NL.gguf']);
  });

  it('refuses flags that would make the two runs differ or overwrite each other, and a file compared with itself', () => {
    expect(() => pairedRunPlan(['--model', 'x.gguf'], defaults)).toThrow(/set by the paired run/);
    expect(() => pairedRunPlan(['--records', 'x.jsonl'], defaults)).toThrow(/set by the paired run/);
    expect(() => pairedRunPlan(['--baseline-model'], defaults)).toThrow(/needs a GGUF path/);
    expect(() => pairedRunPlan(['--candidate-model', '/cache/A.Q4_1.gguf'], defaults)).toThrow(/same file/);
  });
});
