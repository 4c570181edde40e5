import type { FinishReason } from '@local-swarm/consensus';
import type { CallRecord, RunRecord, SampleRecord, TaskRecord } from '../../records/answer-record';
import type { EvalTask } from '../../tasks/eval-task';

/** A sample: text, tokens, and how it ended (score fixed: the tests never tie-break on it). */
export function sample(text: string, completionTokens = 5, finishReason: FinishReason = 'stop', score = -0.5): SampleRecord {
  return { text, score, completionTokens, finishReason };
}

export function call(samples: readonly SampleRecord[], wallMs = 100): CallRecord {
  return { seed: 1, temperature: 0.7, topP: 0.95, maxTokens: 24, stop: [], wallMs, cpuMs: wallMs, promptTokens: 40, samples };
}

export function taskRecord(task: EvalTask, greedy: SampleRecord, samples: readonly SampleRecord[], wallMs = { greedy: 100, sampled: 400 }): TaskRecord {
  return { type: 'task', task, greedy: call([greedy], wallMs.greedy), sampled: call(samples, wallMs.sampled) };
}

export const PARIS: EvalTask = { family: 'factual', id: 'f1', question: 'What is the capital of France?', answers: ['Paris'] };
export const SUM: EvalTask = { family: 'arithmetic', id: 'a1', question: 'What is 2 + 3?', answer: 5, form: 'add' };

export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    type: 'run',
    version: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    model: 'model.gguf',
    modelId: 'model',
    seed: 1,
    samples: 16,
    temperature: 0.7,
    topP: 0.95,
    maxTokens: { factual: 24, arithmetic: 48 },
    stop: { factual: ['\n'], arithmetic: [] },
    contextSize: 320,
    threads: null,
    factualSetSize: 300,
    factualCount: 1,
    arithmeticCount: 1,
    machine: 'test machine',
    ...overrides,
  };
}
