// The benchmark suite: runs every benchmark one after another (they must not compete
// for the 2 cores), then writes docs/benchmarks.md and its SVG charts from their results.
//   node tools/bench/dist/main.js [--only a,b] [--skip c] [--report docs/benchmarks.md]
// The README's command (tools/scripts/bench-all.sh) does setup first, then this.
import { describeMachine, type BenchResult } from '@local-swarm/bench-kit';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { BenchOutcome } from './report/bench-outcome';
import { renderReport } from './report/render-report';
import { renderSvgLineChart } from './report/svg-line-chart';
import { runEntry } from './suite/run-entry';
import { SUITE, selectEntries } from './suite/suite-entries';

const list = (value: string): string[] => value.split(',').map((name) => name.trim()).filter((name) => name.length > 0);

async function main(): Promise<number> {
  const program = new Command('bench')
    .description('Runs the Local Swarm benchmark suite and writes docs/benchmarks.md')
    .option('--only <names>', 'comma-separated benchmarks to run (default: all); the others keep their last results in the report', list, [])
    .option('--skip <names>', 'comma-separated benchmarks to leave out', list, [])
    .option('--report <file>', 'where the markdown report goes', 'docs/benchmarks.md')
    .option('--results <dir>', 'where each benchmark writes its JSON result', path.join('tmp', 'bench'))
    .option('--command <text>', 'the command to name in the report', 'bash tools/scripts/bench-all.sh')
    .parse();
  const options = program.opts<{ only: string[]; skip: string[]; report: string; results: string; command: string }>();
  const root = path.resolve(__dirname, '../../..');
  const entries = selectEntries(options.only, options.skip);
  const machine = describeMachine();
  const startedAt = new Date();
  const interrupted = new AbortController();
  for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => interrupted.abort());

  const reportFile = path.resolve(root, options.report);
  const chartDir = path.join(path.dirname(reportFile), path.basename(reportFile, '.md'));
  const resultDir = path.resolve(root, options.results);
  mkdirSync(chartDir, { recursive: true });
  mkdirSync(resultDir, { recursive: true });

  const renderCharts = (result: BenchResult): string[] =>
    (result.charts ?? []).map((chart, index) => {
      const file = path.join(chartDir, `${result.name}-${index + 1}.svg`);
      writeFileSync(file, renderSvgLineChart(chart));
      return path.relative(path.dirname(reportFile), file);
    });
  const outcomes: BenchOutcome[] = [];
  for (const entry of SUITE) {
    if (!entries.includes(entry)) {
      // Left out this time: keep its last result (if any) so the report stays whole.
      const earlier = readEarlierResult(path.join(resultDir, `${entry.name}.json`));
      if (earlier !== null) outcomes.push({ status: 'ok', result: earlier, chartFiles: renderCharts(earlier), fromEarlierRun: true });
      continue;
    }
    if (interrupted.signal.aborted) break;
    console.log(`\n==> bench: ${entry.name} (${entry.title}; at most ${entry.timeoutSeconds} s)`);
    const run = await runEntry(entry, root, resultDir, interrupted.signal);
    if (!run.ok) {
      console.log(`==> bench: ${entry.name} FAILED after ${run.seconds.toFixed(0)} s: ${run.error.split('\n')[0] ?? ''}`);
      outcomes.push({ status: 'failed', name: entry.name, title: entry.title, command: `node ${entry.script}`, seconds: run.seconds, error: run.error });
      continue;
    }
    outcomes.push({ status: 'ok', result: run.result, chartFiles: renderCharts(run.result) });
    console.log(`==> bench: ${entry.name} done in ${run.seconds.toFixed(0)} s`);
  }

  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  writeFileSync(
    reportFile,
    renderReport({ outcomes, machine, command: options.command, startedAt: startedAt.toISOString(), totalSeconds, revision: revision(root) }),
  );
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  const ran = outcomes.filter((outcome) => outcome.status === 'failed' || outcome.fromEarlierRun !== true).length;
  console.log(`\n==> bench: ${ran - failed} of ${entries.length} benchmarks done, ${failed} failed, in ${(totalSeconds / 60).toFixed(1)} min; report: ${path.relative(root, reportFile)}`);
  return failed === 0 && ran === entries.length ? 0 : 1;
}

/** A result file an earlier run left, or null when there is none (or it is unreadable). */
function readEarlierResult(file: string): BenchResult | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  } catch {
    return null;
  }
}

/** The commit measured, so a report can be matched to its code. */
function revision(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + local changes` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
