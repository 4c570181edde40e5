/**
 * What one benchmark reports. Every script under tools/bench and tools/eval writes one of these
 * as JSON (tmp/bench/<name>.json); the report generator turns them into docs/benchmarks.md.
 */
export interface BenchResult {
  /** File-name-safe id, e.g. "consensus-cost". */
  readonly name: string;
  /** Section heading in the report. */
  readonly title: string;
  /** How to run this benchmark alone, from the repository root. */
  readonly command: string;
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** Headline figures as markdown bullets: medians, ratios, each target met or not. */
  readonly summary: readonly string[];
  readonly tables: readonly BenchTable[];
  /** Limits and caveats, said plainly. */
  readonly notes: readonly string[];
  /** Curves for the report's chart(s). */
  readonly charts?: readonly BenchChart[];
}

export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface BenchChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly BenchSeries[];
}

export interface BenchSeries {
  readonly name: string;
  /** y may carry an interval (lo..hi), drawn as error bars. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly lo?: number; readonly hi?: number }[];
}
