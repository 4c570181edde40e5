/** One benchmark of the suite: a built script that writes tmp/bench/<name>.json. */
export interface SuiteEntry {
  readonly name: string;
  readonly title: string;
  /** Script path relative to the repository root (built JS). */
  readonly script: string;
  readonly args: readonly string[];
  /** Killed after this long: a hung benchmark must not eat the rest of the suite's time. */
  readonly timeoutSeconds: number;
}

/**
 * The suite, in report order: cost of consensus first (the headline target), then what the node
 * adds, federation, memory, and answer quality last (the longest). Timeouts are about twice each
 * benchmark's usual time on 2 cores.
 */
export const SUITE: readonly SuiteEntry[] = [
  { name: 'consensus-cost', title: 'Consensus cost: N candidates vs one', script: 'tools/bench/dist/consensus-cost/main.js', args: [], timeoutSeconds: 720 },
  { name: 'judge-cost', title: 'Judge cost: majority vs judge vs judge_merge', script: 'tools/bench/dist/judge-cost/main.js', args: [], timeoutSeconds: 600 },
  { name: 'semantic-threshold', title: 'Semantic grouping threshold: merge rates by cosine', script: 'tools/bench/dist/semantic-threshold/main.js', args: [], timeoutSeconds: 180 },
  { name: 'serving-overhead', title: 'Serving overhead: HTTP API vs in-process', script: 'tools/bench/dist/serving/main.js', args: [], timeoutSeconds: 180 },
  { name: 'memory', title: 'Memory: resident size by instance count', script: 'tools/bench/dist/memory/main.js', args: [], timeoutSeconds: 180 },
  { name: 'federation', title: 'Federation: vote latency, discovery, crash and shutdown', script: 'tools/bench/dist/federation/main.js', args: [], timeoutSeconds: 360 },
  { name: 'balance', title: 'Balance mode: two nodes vs one', script: 'tools/bench/dist/balance/main.js', args: [], timeoutSeconds: 240 },
  { name: 'answer-quality', title: 'Answer quality: greedy, samples and votes', script: 'tools/eval/dist/answer-quality/main.js', args: [], timeoutSeconds: 720 },
  {
    name: 'perplexity',
    title: 'Model quality: perplexity of the default model and its derived Q4_0 file',
    script: 'tools/eval/dist/perplexity/main.js',
    args: ['--report-only'],
    timeoutSeconds: 360,
  },
  {
    name: 'model-comparison',
    title: 'Answer quality: the default model vs its derived Q4_0 file, paired',
    script: 'tools/eval/dist/model-comparison/paired-run.js',
    args: ['--factual', 'all', '--arithmetic', '100', '--samples', '8'],
    timeoutSeconds: 3600,
  },
  { name: 'federation-quality', title: 'Answer quality: three nodes, two models', script: 'tools/eval/dist/federation-quality/main.js', args: [], timeoutSeconds: 360 },
];

/** The entries named in `only` (all when empty), minus those in `skip`; unknown names are an error. */
export function selectEntries(only: readonly string[], skip: readonly string[]): SuiteEntry[] {
  const known = new Set(SUITE.map((entry) => entry.name));
  const unknown = [...only, ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new RangeError(`unknown benchmark(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  return SUITE.filter((entry) => (only.length === 0 || only.includes(entry.name)) && !skip.includes(entry.name));
}
