import type { RawCandidate } from '../engine/llama-engine';
import type { Token } from '../engine/llama-types';
import { RunningWork } from '../engine/running-work';
import type { BatchJob, SwarmEngine } from '../engine/swarm-engine';
import type { Prompt } from '../generation/generation-request';
import { promptCharacters } from '../generation/prompt-characters';

/**
 * An engine without a model for Swarm's unit specs: one token per 4 prompt characters, counted
 * tokenizations, and batches that finish only when the spec says so (or at once).
 */
export class ScriptedEngine implements SwarmEngine<number> {
  readonly sequences: readonly number[];
  readonly contextSize: number;
  readonly modelBytes = 1;
  readonly chatTemplateName = 'scripted';
  readonly longestTokenChars = 4;
  readonly vocabulary = { size: 256, isEndOfGeneration: (token: number): boolean => token === 0 };
  tokenizeCalls = 0;
  /** What happened, in order: 'batch', 'batch cancelled', 'batch done', 'dispose'. */
  readonly log: string[] = [];
  /** When false, batches wait for finishBatches() or an abort. */
  finishAtOnce = true;
  private readonly work = new RunningWork();
  private readonly finishers = new Set<() => void>();

  constructor(options: { sequences: number; contextSize: number }) {
    this.sequences = Array.from({ length: options.sequences }, (_, index) => index);
    this.contextSize = options.contextSize;
  }

  tokenize(prompt: Prompt): Token[] {
    this.tokenizeCalls += 1;
    return Array.from({ length: Math.ceil(promptCharacters(prompt) / 4) + 1 }, (_, index) => index as Token);
  }

  generateBatch(jobs: readonly BatchJob<number>[], _promptTokens: readonly Token[], callerSignal: AbortSignal): Promise<RawCandidate>[] {
    this.log.push('batch');
    const signal = this.work.signalFor(callerSignal);
    const batch = new Promise<'done' | 'cancelled'>((resolve) => {
      if (this.finishAtOnce) return resolve('done');
      const finish = (): void => resolve('done');
      this.finishers.add(finish);
      signal.addEventListener('abort', () => setTimeout(() => resolve('cancelled'), 10), { once: true });
    }).then((ending) => {
      this.log.push(`batch ${ending}`);
      return jobs.map((job): RawCandidate => ({
        text: `answer on ${job.sequence}`,
        meanLogProb: -0.5,
        completionTokens: 2,
        finishReason: ending === 'done' ? 'stop' : 'cancelled',
      }));
    });
    void this.work.track(batch);
    return jobs.map(async (_, index) => {
      const candidates = await batch;
      const candidate = candidates[index];
      if (candidate === undefined) throw new Error('no candidate');
      return candidate;
    });
  }

  /** Lets every waiting batch finish. */
  finishBatches(): void {
    for (const finish of this.finishers) finish();
    this.finishers.clear();
  }

  async dispose(): Promise<void> {
    await this.work.drain();
    this.log.push('dispose');
  }
}
