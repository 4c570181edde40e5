import { DEFAULT_LEARNED_WEIGHTS_OPTIONS, LearnedWeights, learnedWeightsAgreement, type LearnedSourceWeight, type LearnedWeightsOptions, type Verdict } from '@local-swarm/consensus';
import { readLearnedWeightsFile, writeLearnedWeightsFile } from './learned-weights-file';
import type { SourceWeightLearning } from './source-weight-learning';

/** Saves at most this often by default: a busy node votes many times a second. */
export const DEFAULT_LEARNED_WEIGHTS_SAVE_INTERVAL_MS = 5000;

export interface PersistedLearnedWeightsOptions {
  /** The JSON file (in the node's config dir); null: learned in memory only. */
  readonly path: string | null;
  /**
   * Whether a source's votes may be written to disk: this node and sealed (paired) peers. Others,
   * whose ids anyone may claim, are learned in memory only, in a separate book, so a flood of
   * made-up ids cannot evict the sources that are kept.
   */
  readonly isPersisted: (source: string) => boolean;
  /** Where a problem goes (a bad file, a failed save); the store never throws for them. */
  readonly warn: (message: string) => void;
  readonly saveIntervalMs?: number;
  readonly bounds?: LearnedWeightsOptions;
}

/** A source's learned standing as the dashboard shows it. */
export interface LearnedSourceStanding extends LearnedSourceWeight {
  /** Kept across restarts (this node or a paired peer); false: learned in memory only. */
  readonly persisted: boolean;
}

/**
 * LearnedWeights kept in a file: loaded at start (a bad file is a warning and an empty start,
 * never a refusal to start), saved at most once per `saveIntervalMs` after a change and on close.
 */
export class PersistedLearnedWeights implements SourceWeightLearning {
  readonly #kept: LearnedWeights;
  readonly #transient: LearnedWeights;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #dirty = false;
  #closed = false;

  private constructor(private readonly options: PersistedLearnedWeightsOptions) {
    const bounds = options.bounds ?? DEFAULT_LEARNED_WEIGHTS_OPTIONS;
    this.#kept = new LearnedWeights(bounds);
    this.#transient = new LearnedWeights(bounds);
  }

  static load(options: PersistedLearnedWeightsOptions): PersistedLearnedWeights {
    const store = new PersistedLearnedWeights(options);
    if (options.path === null) return store;
    const read = readLearnedWeightsFile(options.path, store.#kept.options);
    if (!read.ok) options.warn(`learned weights start empty: ${read.message}`);
    else for (const { source, observations } of read.histories) for (const agreed of observations) store.#kept.observe(source, agreed);
    return store;
  }

  record(verdict: Verdict): void {
    if (this.#closed) return;
    for (const [source, agreed] of learnedWeightsAgreement(verdict)) {
      const persisted = this.options.isPersisted(source);
      (persisted ? this.#kept : this.#transient).observe(source, agreed);
      if (persisted) this.#dirty = true;
    }
    if (this.#dirty) this.#scheduleSave();
  }

  weightsFor(sources: readonly string[], fallback: Readonly<Record<string, number>> = {}): Record<string, number> {
    return Object.fromEntries(sources.map((source) => [source, this.#bookOf(source).weightsFor([source], fallback)[source] ?? 1]));
  }

  /** Every tracked source, kept ones first, each book least recently seen first. */
  entries(): LearnedSourceStanding[] {
    return [
      ...this.#kept.entries().map((entry) => ({ ...entry, persisted: true })),
      ...this.#transient.entries().map((entry) => ({ ...entry, persisted: false })),
    ];
  }

  /** Saves now what is not saved yet (shutdown); later records are no longer kept. */
  close(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#save();
    this.#closed = true;
  }

  #bookOf(source: string): LearnedWeights {
    return this.options.isPersisted(source) ? this.#kept : this.#transient;
  }

  #scheduleSave(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#save();
    }, this.options.saveIntervalMs ?? DEFAULT_LEARNED_WEIGHTS_SAVE_INTERVAL_MS);
    // A pending save must not keep a finished process alive; close() saves what is left.
    this.#timer.unref();
  }

  #save(): void {
    const { path } = this.options;
    if (!this.#dirty || path === null) return;
    this.#dirty = false;
    try {
      writeLearnedWeightsFile(path, this.#kept.entries());
    } catch (error: unknown) {
      this.options.warn(`learned weights not saved to ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
