import { defaultModelPath } from '@local-swarm/swarm-core';
import path from 'node:path';
import type { RecordsFile } from '../records/records-file';
import { JUDGE_CONTEXT_SIZE, runJudgePass } from './run-judge-pass';
import { summariseJudgeByFamily, type JudgeSummary } from './summarise-judge';

export interface JudgeRecordsOptions {
  /** GGUF of the judge; undefined: the default model. */
  readonly model: string | undefined;
  readonly threads: number | null;
  readonly contextSize: number;
  /** Group size judged (each task's first k samples). */
  readonly k: number;
}

/**
 * The --judge pass over recorded tasks: the judge model loaded alone (no sampling), one judged
 * decision per task, summarised per family. Ctrl-C or SIGTERM stops after the current task and
 * what was judged is still summarised. The run's model id is stamped on the candidates, as in
 * the rest of the analysis.
 */
export async function judgeRecords(records: RecordsFile, options: JudgeRecordsOptions, log: (line: string) => void): Promise<JudgeSummary[]> {
  const modelPath = options.model ?? defaultModelPath();
  if (path.basename(modelPath) !== records.run.model) log(`the judge is ${path.basename(modelPath)}, the samples came from ${records.run.model}`);
  const stop = new AbortController();
  const onSignal = (): void => {
    log('judge: stopping after the current task');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const outcomes = await runJudgePass(
      records,
      { modelPath, modelId: records.run.modelId, k: options.k, threads: options.threads, contextSize: Math.max(options.contextSize, JUDGE_CONTEXT_SIZE) },
      (outcome, done) =>
        log(`judge ${done}/${records.tasks.length} ${outcome.taskId}: ${outcome.asked ? `asked (${outcome.parsed ? 'parsed' : 'unparsed'}, ${outcome.replyTokens} tokens)` : 'one answer group'}, judge ${outcome.judge ? 'right' : 'wrong'}, majority ${outcome.majority ? 'right' : 'wrong'}`),
      stop.signal,
    );
    return summariseJudgeByFamily(outcomes, { seed: records.run.seed });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
