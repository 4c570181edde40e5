/** Milliseconds spent in each named phase of one call, in the order the phases ran. */
export type PhaseTimes = Readonly<Record<string, number>>;

/**
 * Splits one call into consecutive phases: each `end(name)` closes the phase that began at the
 * previous one (or at construction), so the phases add up to the whole call and a slow step shows
 * by name in a log line rather than hiding in one total. Times are rounded to 0.01 ms: finer
 * would be clock noise.
 */
export class PhaseTimer {
  readonly #phases: Record<string, number> = {};
  #since: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.#since = now();
  }

  /** Ends the current phase, naming it, now or at `at` (a time noted by the step itself); a name ended twice adds up. */
  end(name: string, at: number = this.now()): void {
    this.#phases[name] = Math.round(((this.#phases[name] ?? 0) + at - this.#since) * 100) / 100;
    this.#since = at;
  }

  /** Adds a phase timed elsewhere (before this timer existed, or by another party). */
  add(name: string, ms: number): void {
    this.#phases[name] = Math.round(((this.#phases[name] ?? 0) + ms) * 100) / 100;
  }

  get phases(): PhaseTimes {
    return { ...this.#phases };
  }
}
