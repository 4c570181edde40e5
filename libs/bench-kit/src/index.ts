export type { BenchChart, BenchResult, BenchSeries, BenchTable } from './result/bench-result';
export { benchOutputDir, writeBenchResult } from './result/write-bench-result';
export { median } from './stats/median';
export { describeMachine } from './machine/describe-machine';
export { randomInteger, seededRandom } from './stats/seeded-random';
export { bootstrapInterval } from './stats/bootstrap-interval';
export type { BootstrapOptions, Interval } from './stats/bootstrap-interval';
