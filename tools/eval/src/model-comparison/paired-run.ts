// The paired comparison end to end, as the benchmark suite runs it: answer-quality on the same
// tasks, seed and samples for two GGUF files (default: the default model and its derived Q4_0
// file), one after the other, then model-comparison on the two records files.
//   node tools/eval/dist/model-comparison/paired-run.js [--baseline-model GGUF] [--candidate-model GGUF] [answer-quality flags]
import { defaultModelPath, derivedQ4_0ModelPath } from '@local-swarm/swarm-core';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pairedRunPlan } from './paired-run-plan';

function main(): void {
  const root = path.resolve(__dirname, '../../../..');
  const plan = pairedRunPlan(process.argv.slice(2), {
    baselineModel: defaultModelPath(),
    candidateModel: derivedQ4_0ModelPath(),
    recordsDir: path.join('tmp', 'eval', 'paired'),
  });
  // Each answer-quality run writes its own report beside its records, not over the suite's.
  const env = { ...process.env, LOCAL_SWARM_BENCH_OUT: plan.runReportDir };
  for (const run of plan.runs) {
    console.log(`paired-run: answer-quality on ${path.basename(run.model)} → ${run.records}`);
    execFileSync(process.execPath, [path.join(root, 'tools/eval/dist/answer-quality/main.js'), ...run.args], { stdio: 'inherit', env, cwd: root });
  }
  execFileSync(process.execPath, [path.join(root, 'tools/eval/dist/model-comparison/main.js'), ...plan.compareArgs], { stdio: 'inherit', cwd: root });
}

try {
  main();
} catch (error) {
  console.error(`paired-run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
