export type { BenchChart, BenchResult, BenchSeries, BenchTable } from './result/bench-result';
export { benchOutputDir, writeBenchResult } from './result/write-bench-result';
export { median } from './stats/median';
export { describeMachine } from './machine/describe-machine';
