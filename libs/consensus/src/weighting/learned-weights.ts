import type { Verdict } from '../verdict/verdict';
import { learnedWeightsAgreement } from './learned-weights-agreement';

export interface LearnedWeightsOptions {
  /** Votes remembered per source, newest last. */
  readonly window: number;
  /** Weight of a source that never agrees with the winner; 1 is reached by always agreeing. */
  readonly floor: number;
  /** Observations a source needs before its rate counts; fewer weigh 1 (neutral). */
  readonly minObservations: number;
  /** Sources tracked at most; the one seen least recently is forgotten first. */
  readonly maxSources: number;
}

export const DEFAULT_LEARNED_WEIGHTS_OPTIONS: LearnedWeightsOptions = Object.freeze({ window: 50, floor: 0.2, minObservations: 5, maxSources: 256 });

/** One source's learned standing, for dashboards and persistence. */
export interface LearnedSourceWeight {
  readonly source: string;
  readonly weight: number;
  /** Votes in its window, newest last: 1 agreed with the winner, 0 did not. */
  readonly observations: readonly (0 | 1)[];
}

/**
 * weighted_vote weights learned from agreement: per source, the share of its last `window` votes
 * in which one of its candidates was in the winner's group, mapped onto [floor, 1]. Deterministic
 * (same verdicts, same weights) and bounded in sources and memory. A new source weighs 1 until it
 * has `minObservations` votes, so one early disagreement cannot silence it.
 */
export class LearnedWeights {
  readonly #history = new Map<string, (0 | 1)[]>();

  constructor(readonly options: LearnedWeightsOptions = DEFAULT_LEARNED_WEIGHTS_OPTIONS) {}

  /** Learns from one decision: every source with a voting candidate agreed (1) or not (0). */
  record(verdict: Verdict): void {
    for (const [source, agreed] of learnedWeightsAgreement(verdict)) this.observe(source, agreed);
  }

  /** Adds one observation for a source (also how a persisted history is restored). */
  observe(source: string, agreed: 0 | 1): void {
    const history = this.#history.get(source) ?? [];
    this.#history.delete(source);
    history.push(agreed);
    if (history.length > this.options.window) history.splice(0, history.length - this.options.window);
    this.#history.set(source, history);
    while (this.#history.size > this.options.maxSources) {
      const oldest = this.#history.keys().next().value;
      if (oldest === undefined) break;
      this.#history.delete(oldest);
    }
  }

  /** The weight of a source: 1 until it has enough observations, then floor + (1 − floor) × agreement rate. */
  weightOf(source: string): number {
    return this.hasLearned(source) ? this.#learnedWeightOf(source) : 1;
  }

  /** Whether a source has the observations its learned weight needs. */
  hasLearned(source: string): boolean {
    return (this.#history.get(source)?.length ?? 0) >= this.options.minObservations;
  }

  /**
   * sourceWeights for weighted_vote over these sources: the learned weight of each source that has
   * one, else its `fallback` weight (the configured one), else 1.
   */
  weightsFor(sources: readonly string[], fallback: Readonly<Record<string, number>> = {}): Record<string, number> {
    return Object.fromEntries(
      sources.map((source) => [source, this.hasLearned(source) ? this.#learnedWeightOf(source) : Object.hasOwn(fallback, source) ? (fallback[source] ?? 1) : 1]),
    );
  }

  #learnedWeightOf(source: string): number {
    const history = this.#history.get(source) ?? [];
    const rate = history.reduce<number>((sum, value) => sum + value, 0) / history.length;
    return this.options.floor + (1 - this.options.floor) * rate;
  }

  /** Every tracked source, least recently seen first. */
  entries(): LearnedSourceWeight[] {
    return [...this.#history].map(([source, observations]) => ({ source, weight: this.weightOf(source), observations: [...observations] }));
  }
}
