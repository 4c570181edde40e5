import type { BenchChart, BenchTable } from '@local-swarm/bench-kit';
import path from 'node:path';
import { formatRatio, ratiosToSingle } from './cost-table';
import { phaseTable, targetLines } from './cost-targets';
import type { ModelCost } from './measure-model-cost';

/** One model's figures as ratios to N=1, looked up by N (NaN where N was not measured). */
export interface ModelRatios {
  readonly label: string;
  readonly viaNode: (n: number) => number;
  readonly batched: (n: number) => number;
  readonly sequential: (n: number) => number;
  readonly decode: (n: number) => number;
  readonly greedy: (n: number) => number;
  readonly decodeAndSample: (n: number) => number;
  readonly generator: (n: number) => number;
}

export function ratiosOf(cost: ModelCost): ModelRatios {
  const lookup = (points: readonly { n: number; ms: number }[]): ((n: number) => number) => {
    const ratios = ratiosToSingle(points);
    return (n) => ratios.find((row) => row.n === n)?.ratio ?? Number.NaN;
  };
  const floor = (pick: (step: ModelCost['floor'][number]) => number) => lookup(cost.floor.map((step) => ({ n: step.n, ms: pick(step) })));
  return {
    label: path.basename(cost.modelPath),
    viaNode: lookup(cost.node),
    batched: lookup(cost.swarm.map((point) => ({ n: point.n, ms: point.batchedMs }))),
    sequential: lookup(cost.swarm.map((point) => ({ n: point.n, ms: point.sequentialMs }))),
    decode: floor((step) => step.decodeMs),
    greedy: floor((step) => step.greedyMs),
    decodeAndSample: floor((step) => step.decodeAndSampleMs),
    generator: floor((step) => step.generatorMs),
  };
}

/** The model's full table: wall times and ratios of every way, and the engine's step part by part. */
export function costTable(cost: ModelCost, tokens: number, repetitions: number): BenchTable {
  const ratios = ratiosOf(cost);
  const ms = (value: number | undefined, digits = 0): number => Number((value ?? Number.NaN).toFixed(digits));
  const ratio = (value: number): number => Number(value.toFixed(2));
  return {
    title: `${ratios.label}: wall time of N candidates × ${tokens} tokens (median of ${repetitions}) and one engine step (context of N sequences, median of rounds of 16 steps)`,
    columns: ['N', 'node (HTTP) ms', 'node / N=1', 'batched ms', 'batched / N=1', 'one after another / N=1', 'decode ms', 'decode / N=1', 'decode+greedy ms', 'decode+sample ms', 'decode+sample / N=1', 'generator step ms', 'generator / N=1'],
    rows: cost.floor.map((step) => {
      const n = step.n;
      const swarm = cost.swarm.find((point) => point.n === n);
      return [
        n,
        ms(cost.node.find((point) => point.n === n)?.ms),
        ratio(ratios.viaNode(n)),
        ms(swarm?.batchedMs),
        ratio(ratios.batched(n)),
        ratio(ratios.sequential(n)),
        ms(step.decodeMs, 1),
        ratio(ratios.decode(n)),
        ms(step.greedyMs, 1),
        ms(step.decodeAndSampleMs, 1),
        ratio(ratios.decodeAndSample(n)),
        ms(step.generatorMs, 1),
        ratio(ratios.generator(n)),
      ];
    }),
  };
}

/** The models side by side: the ratios the targets are about, and the engine ratio under each. */
export function sideBySideTable(costs: readonly ModelCost[], ns: readonly number[]): BenchTable {
  const compared = ns.filter((n) => n > 1);
  return {
    title: 'Models side by side: N candidates / one, through the node and the engine floor under it (decode+sample step, context of N sequences)',
    columns: ['model', 'node N=1 ms', ...compared.flatMap((n) => [`node N=${n} / N=1`, `floor N=${n} / N=1`]), 'lock step vs floor'],
    rows: costs.map((cost) => {
      const ratios = ratiosOf(cost);
      const over = cost.phases.overFloor;
      return [
        ratios.label,
        Math.round(cost.node.find((point) => point.n === 1)?.ms ?? Number.NaN),
        ...compared.flatMap((n) => [Number(ratios.viaNode(n).toFixed(2)), Number(ratios.decodeAndSample(n).toFixed(2))]),
        `N=${cost.phases.n}: ${cost.phases.loopMs.toFixed(1)} vs ${cost.phases.floorMs.toFixed(1)} ms (${over >= 0 ? '+' : ''}${(over * 100).toFixed(0)} %)`,
      ];
    }),
  };
}

/** Targets met or not, per model, and what the engine alone allows for the same N: one bullet each, named by model. */
export function summaryLines(costs: readonly ModelCost[], tokens: number): string[] {
  const lines: string[] = [];
  for (const cost of costs) {
    const ratios = ratiosOf(cost);
    const named = (line: string): string => `${ratios.label}: ${line}`;
    lines.push(...targetLines(ratios, cost.phases).map(named));
    lines.push(
      named(
        `what limits it: the engine alone (a context of N sequences, decode + sample, nothing of ours) takes ${formatRatio(ratios.decodeAndSample(4))} for 4 and ${formatRatio(ratios.decodeAndSample(8))} for 8 the step of one; its decode alone (no logits) ${formatRatio(ratios.decode(4))} and ${formatRatio(ratios.decode(8))}.`,
      ),
    );
    const short = [
      ...cost.swarm.filter((point) => point.tokens.some((count) => count !== tokens)).map((point) => `in process N=${point.n}: ${point.tokens.join('/')} tokens`),
      ...cost.node.filter((point) => point.completionTokens !== point.n * tokens).map((point) => `node N=${point.n}: ${point.completionTokens} of ${point.n * tokens} tokens`),
    ];
    if (short.length > 0) lines.push(named(`some candidates stopped before ${tokens} tokens (${short.join('; ')}): those ratios compare less work.`));
  }
  return lines;
}

/** Each model's phase table (a lock step against the engine's step of the same N and shape). */
export function phaseTables(costs: readonly ModelCost[], repetitions: number): BenchTable[] {
  return costs.map((cost) => {
    const table = phaseTable(cost.phases, repetitions);
    return { ...table, title: `${path.basename(cost.modelPath)}: ${table.title}` };
  });
}

/** Through the node and the engine floor, per model: the curves the targets are about. */
export function costChart(costs: readonly ModelCost[], ns: readonly number[]): BenchChart {
  return {
    title: 'Cost of N candidates, relative to one',
    xLabel: 'candidates (N)',
    yLabel: 'wall time / time of N=1',
    series: costs.flatMap((cost) => {
      const ratios = ratiosOf(cost);
      return [
        { name: `${ratios.label}: via the node (HTTP)`, points: ns.map((n) => ({ x: n, y: ratios.viaNode(n) })) },
        { name: `${ratios.label}: engine decode+sample step`, points: ns.map((n) => ({ x: n, y: ratios.decodeAndSample(n) })) },
      ];
    }),
  };
}
