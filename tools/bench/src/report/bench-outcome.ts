import type { BenchResult } from '@local-swarm/bench-kit';

/** How one benchmark of the suite went: its result and chart files, or why there is none. */
export type BenchOutcome =
  | {
      readonly status: 'ok';
      readonly result: BenchResult;
      readonly chartFiles: readonly string[];
      /** Not run this time (--only / --skip): its last result file, kept so the report stays whole. */
      readonly fromEarlierRun?: boolean;
    }
  | {
      readonly status: 'failed';
      readonly name: string;
      readonly title: string;
      readonly command: string;
      readonly seconds: number;
      /** Exit status, timeout or missing result, and the end of its output. */
      readonly error: string;
    };
