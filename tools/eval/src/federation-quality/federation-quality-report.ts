import type { BenchChart, BenchSeries, BenchTable } from '@local-swarm/bench-kit';
import type { Interval } from '@local-swarm/bench-kit';
import type { EvalTask } from '../index';
import { FEDERATION_VIEW_ID, ONE_NODE_VIEW_ID, type CandidateView } from './candidate-views';
import type { FederationRun } from './federation-run';
import type { AccuracyFigure, PairedDifference } from './paired-accuracy';
import { summariseRun, WEIGHT_GRID, type RunSummary } from './summarise-run';

export interface FederationQualityReport {
  readonly summary: string[];
  readonly tables: BenchTable[];
  readonly notes: string[];
  readonly charts: BenchChart[];
}

const percent = (fraction: number): string => (Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : 'n/a');
const interval = (value: Interval): string => `${percent(value.estimate)} [${percent(value.lo)}–${percent(value.hi)}]`;
const figure = (value: AccuracyFigure | undefined): string => (value === undefined ? 'n/a' : `${interval(value.interval)} (${value.right}/${value.total})`);
const points = (fraction: number): string => `${fraction >= 0 ? '+' : '−'}${Math.abs(Math.round(fraction * 100))}`;
const difference = (value: PairedDifference | undefined): string =>
  value === undefined ? 'n/a' : `${points(value.interval.estimate)} pts [${points(value.interval.lo)}, ${points(value.interval.hi)}] (${value.wins} won, ${value.losses} lost)`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const cpu = (value: number | null | undefined): string => (value === null || value === undefined ? 'n/a' : `${value.toFixed(1)} s`);

/** The views along the asked node's path (one node → the nodes sharing its model → all), for the chart's x. */
function pathViews(summary: RunSummary, askedSource: string): CandidateView[] {
  return summary.views.filter((view) => view.sources.includes(askedSource)).sort((a, b) => a.nodes - b.nodes);
}

function accuracyChart(summary: RunSummary, askedSource: string): BenchChart {
  const along = pathViews(summary, askedSource);
  const point = (view: CandidateView, variantId: string): BenchSeries['points'][number] => {
    const value = summary.accuracy[view.id]?.[variantId]?.interval ?? { estimate: Number.NaN, lo: Number.NaN, hi: Number.NaN };
    return { x: view.nodes, y: value.estimate * 100, lo: value.lo * 100, hi: value.hi * 100 };
  };
  const series: BenchSeries[] = summary.variants.map((variant) => ({ name: variant.label, points: along.map((view) => point(view, variant.id)) }));
  for (const view of summary.views.filter((entry) => !entry.sources.includes(askedSource))) {
    series.push({ name: `${view.label}, majority`, points: [point(view, 'majority')] });
  }
  return {
    title: `Accuracy by nodes voting (${along.map((view) => `${view.nodes} = ${view.label}`).join('; ')}), same candidates`,
    xLabel: 'nodes voting',
    yLabel: 'accuracy % (bootstrap 95% interval)',
    series,
  };
}

function accuracyTable(summary: RunSummary, instances: number): BenchTable {
  return {
    title: 'Accuracy by view and strategy (bootstrap 95% intervals; every view decided by decide() on the same candidates)',
    columns: ['view', 'candidates per request', 'one sample', ...summary.variants.map((variant) => variant.label)],
    rows: summary.views.map((view) => [
      view.label,
      view.nodes * instances,
      interval(summary.sampleAccuracy[view.id] ?? { estimate: Number.NaN, lo: Number.NaN, hi: Number.NaN }),
      ...summary.variants.map((variant) => figure(summary.accuracy[view.id]?.[variant.id])),
    ]),
  };
}

function differenceTable(summary: RunSummary): BenchTable {
  const rows: (string | number)[][] = [];
  for (const view of summary.views) {
    if (view.id === ONE_NODE_VIEW_ID) continue;
    // Weights only matter where several nodes with different models vote: elsewhere every variant is majority again.
    const variants = view.id === FEDERATION_VIEW_ID ? summary.variants : summary.variants.filter((variant) => variant.id === 'majority');
    for (const variant of variants) rows.push([`${view.label} − one node`, variant.label, difference(summary.versusOneNode[view.id]?.[variant.id])]);
  }
  rows.push([`${summary.views.find((view) => view.id === FEDERATION_VIEW_ID)?.label ?? 'federation'} − one node`, `weighted_vote, weight cross-fitted (${summary.crossFit.chosen.join(' / ')})`, difference(summary.crossFit.versusOneNode)]);
  return { title: 'Paired differences against one node (same tasks, same candidates; percentage points, bootstrap 95% interval)', columns: ['comparison', 'strategy', 'difference'], rows };
}

function familyTable(summary: RunSummary): BenchTable {
  return {
    title: 'Accuracy by task family (majority)',
    columns: ['family', ...summary.views.map((view) => view.label)],
    rows: Object.entries(summary.familyAccuracy).map(([family, byView]) => [
      family,
      ...summary.views.map((view) => {
        const value = byView[view.id];
        return value === undefined ? 'n/a' : `${value.right}/${value.total}`;
      }),
    ]),
  };
}

function weightTable(summary: RunSummary, favouredLabel: string): BenchTable {
  return {
    title: `weighted_vote on all candidates by ${favouredLabel} weight (in-sample: choosing the best row here would fit this data)`,
    columns: [`${favouredLabel} weight`, 'accuracy (in-sample)'],
    rows: [
      ...WEIGHT_GRID.map((weight, index) => [String(weight), percent(summary.crossFit.inSample[index] ?? Number.NaN)]),
      [`cross-fitted (${summary.crossFit.chosen.join(' / ')})`, figure(summary.crossFit.accuracy)],
    ],
  };
}

function costTable(summary: RunSummary): BenchTable {
  const answered = summary.judgements.length;
  return {
    title: 'Cost per request (medians over tasks; times measured within the federated requests, sharing the machine with the other nodes)',
    columns: ['view', 'completion tokens', 'CPU s (its nodes)', 'candidates all in after', 'candidates cut at max_tokens', 'requests with a vote'],
    rows: summary.views.map((view) => {
      const cost = summary.cost[view.id];
      return [
        view.label,
        cost?.medianTokens ?? Number.NaN,
        cost?.medianCpuSeconds === null || cost?.medianCpuSeconds === undefined ? 'n/a' : cost.medianCpuSeconds.toFixed(1),
        seconds(cost?.medianDoneMs ?? Number.NaN),
        percent(cost?.truncatedShare ?? Number.NaN),
        `${cost?.votedRequests ?? 0}/${answered}`,
      ];
    }),
  };
}

const expectedAnswer = (task: EvalTask): string => (task.family === 'factual' ? (task.answers[0] ?? '') : String(task.answer));
const excerpt = (text: string, length = 48): string => {
  const flat = text.trim().replace(/\s*\n\s*/g, ' / ');
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
};

function perTaskTable(summary: RunSummary, tasks: ReadonlyMap<string, EvalTask>): BenchTable {
  return {
    title: 'Per task (majority): what one node and the federation answered, and which views were right',
    columns: ['task', 'expected', 'one node answered', 'federation answered', ...summary.views.map((view) => view.label)],
    rows: summary.judgements.map((judgement) => {
      const task = tasks.get(judgement.taskId);
      return [
        judgement.taskId,
        task === undefined ? '' : expectedAnswer(task),
        excerpt(judgement.views[ONE_NODE_VIEW_ID]?.majorityAnswer ?? ''),
        excerpt(judgement.views[FEDERATION_VIEW_ID]?.majorityAnswer ?? ''),
        ...summary.views.map((view) => (judgement.views[view.id]?.correct['majority'] === true ? 'right' : 'wrong')),
      ];
    }),
  };
}

/** Where voting did not help: views whose vote is no better than one of their samples, and tasks lost. */
function whereVotingDoesNotHelp(summary: RunSummary): string[] {
  const lines: string[] = [];
  for (const view of summary.views) {
    const vote = summary.accuracy[view.id]?.['majority']?.interval.estimate ?? Number.NaN;
    const sample = summary.sampleAccuracy[view.id]?.estimate ?? Number.NaN;
    if (vote <= sample) lines.push(`${view.label}: majority ${percent(vote)} is no better than one of its samples (${percent(sample)}).`);
  }
  for (const view of summary.views) {
    if ((summary.cost[view.id]?.votedRequests ?? 0) === 0) {
      lines.push(`${view.label} never voted: every one of its candidates was cut at max_tokens, so it added nothing to a vote and no weight on it could change a winner.`);
    }
  }
  const { majorityOnly, weightedOnly } = summary.majorityVersusWeighted;
  if (majorityOnly.length > 0) {
    lines.push(
      `weighted_vote (equal weights) lost ${majorityOnly.length} task(s) that majority won on the same candidates (${majorityOnly.join(', ')}), and won ${weightedOnly.length}${weightedOnly.length > 0 ? ` (${weightedOnly.join(', ')})` : ''}. The cause seen when inspecting such tasks: weighted_vote shares a node's weight among its VOTING candidates only, so a node whose other candidates were cut at max_tokens puts its whole weight on the one left, and that one stray answer outweighs two agreeing ones of another node.`,
    );
  }
  const federation = summary.versusOneNode[FEDERATION_VIEW_ID]?.['majority'];
  if (federation !== undefined && federation.losses > 0) {
    lines.push(`The federation (majority) got ${federation.losses} task(s) wrong that one node got right, and ${federation.wins} right that one node got wrong.`);
  }
  return lines;
}

function pinningText(run: FederationRun): string {
  const pinned = run.nodes.map((node, index) => ({ label: node.label, cpus: run.pinning?.[index] ?? [] }));
  if (pinned.every((node) => node.cpus.length === 0)) return `not pinned: ${run.nodes.length} nodes share the machine's ${run.cores} cores`;
  return `pinned with taskset (${pinned.map((node) => `${node.label} on CPU ${node.cpus.join(',') || 'any'}`).join(', ')}), so the slowest node has a core to itself`;
}

/** Summary bullets, tables, notes and the chart of a federation-quality run. */
export function federationQualityReport(run: FederationRun): FederationQualityReport {
  const summary = summariseRun(run);
  const { settings } = run;
  const asked = run.nodes[0];
  const askedSource = asked?.source ?? 'local';
  const favouredLabel = run.nodes.find((node) => node.model === run.favouredModel)?.modelLabel ?? run.favouredModel;
  const one = summary.views.find((view) => view.id === ONE_NODE_VIEW_ID);
  const all = summary.views.find((view) => view.id === FEDERATION_VIEW_ID);
  const others = summary.views.filter((view) => view !== one && view !== all);
  const answered = summary.judgements.length;
  const accuracyOfView = (view: CandidateView | undefined, variantId: string): string => (view === undefined ? 'n/a' : figure(summary.accuracy[view.id]?.[variantId]));
  const oneCost = summary.cost[ONE_NODE_VIEW_ID];
  const allCost = summary.cost[FEDERATION_VIEW_ID];
  const nodesLine = run.nodes.map((node) => `${node.label} ${node.modelLabel}`).join(', ');

  const bullets = [
    `${answered} tasks (${settings.factual} factual + ${settings.arithmetic} arithmetic, seed ${settings.seed}; the single-node eval's prompts, max_tokens and stop strings), one chat request each to node A in vote mode, temperature ${settings.temperature}, ${settings.strategy}; nodes ${nodesLine}, ${settings.instances} candidates each. Every view below is decided with decide() from the SAME candidates (paired).`,
    `Accuracy, majority: ${one?.label ?? 'one node'} ${accuracyOfView(one, 'majority')}; ${others.map((view) => `${view.label} ${accuracyOfView(view, 'majority')}`).join('; ')}; ${all?.label ?? 'federation'} ${accuracyOfView(all, 'majority')}.`,
    `Federation − one node, paired: majority ${difference(summary.versusOneNode[FEDERATION_VIEW_ID]?.['majority'])}; weighted_vote with equal weights ${difference(summary.versusOneNode[FEDERATION_VIEW_ID]?.['weighted-equal'])}.`,
    `weighted_vote on all candidates: equal weights ${accuracyOfView(all, 'weighted-equal')}; ${favouredLabel} ×${settings.priorWeight} (fixed before the run) ${accuracyOfView(all, 'weighted-prior')}; ${favouredLabel} weight chosen on the other half of the tasks (cross-fit, chose ${summary.crossFit.chosen.join(' / ')}) ${figure(summary.crossFit.accuracy)}.`,
    `One sample (mean share of right candidates): ${summary.views.map((view) => `${view.label} ${percent(summary.sampleAccuracy[view.id]?.estimate ?? Number.NaN)}`).join('; ')}.`,
    `Cost per request (medians of ${answered}): ${allCost?.medianTokens ?? 'n/a'} completion tokens for the federation vs ${oneCost?.medianTokens ?? 'n/a'} for one node's candidates, CPU ${cpu(allCost?.medianCpuSeconds)} vs ${cpu(oneCost?.medianCpuSeconds)}; ${seconds(summary.medianElapsedMs)} per federated request (${summary.medianCpuBoundMs === null ? 'CPU not measured' : `at least ${seconds(summary.medianCpuBoundMs)} on ${run.cores} idle cores, from the CPU it used`}), while A's own candidates were all in after ${seconds(oneCost?.medianDoneMs ?? Number.NaN)} within the same requests (sharing the machine with the other nodes).`,
    `Votes that took place: candidates cut at max_tokens (${settings.maxTokens.factual} factual / ${settings.maxTokens.arithmetic} arithmetic) cannot vote; ${summary.views.map((view) => `${view.label} ${percent(summary.cost[view.id]?.truncatedShare ?? Number.NaN)} cut, a vote in ${summary.cost[view.id]?.votedRequests ?? 0}/${answered} requests`).join('; ')}. Without a vote decide() returns the least bad candidate in a fixed order, so voting cannot help there.`,
    `Early exit (${settings.earlyExit ? 'on: n = 1, as a client asks by default' : 'off: n = instances'}): the node stopped candidates in ${summary.earlyExit.requests} of ${answered} requests, ${summary.earlyExit.cancelled} candidates cancelled (${summary.earlyExit.cancelledAsked} of them A's); the one-node view had fewer than ${settings.instances} finished candidates in ${summary.earlyExit.oneNodeShort} task(s).`,
    `Check: decide() on all candidates picked the node's own winner in ${summary.nodeReproduced} of ${answered} requests; the node's returned answers score ${percent(summary.nodeAnswerRight / answered)} (${summary.nodeAnswerRight}/${answered}).`,
    `No numeric target for this item; with ${answered} tasks the intervals are wide (one task ≈ ${Math.round(100 / answered)} points): read differences whose interval spans 0 as "not shown".`,
  ];
  if (summary.failed.length > 0) bullets.push(`${summary.failed.length} request(s) failed and are left out: ${summary.failed.map((entry) => `${entry.taskId} (${entry.error})`).join('; ')}.`);

  const notes = [
    run.machine,
    `Nodes in network namespaces (libs/test-netns), started together with --federation --threads ${settings.threads} --instances ${settings.instances} --context-size ${settings.contextSize}; ${pinningText(run)}. A listed B and C healthy ${seconds(run.readyMs)} after spawn. The whole run took ${Math.round(run.durationSeconds)} s.`,
    `Views: "one node" is A's own candidates in A's reply (same seeds as A alone would use: peers derive their own seeds from the request's); the per-model views are the nodes serving that model; "federation" is every candidate, i.e. what the node decided on. Cancelled candidates take no part in any vote (decide() drops them), so the one-node view uses A's finished candidates only.`,
    `Weights: weighted_vote shares each node's weight among its candidates (each node counts once) and clamps any node above half the total. ${favouredLabel} ×${settings.priorWeight} was fixed before any data (it is the larger model: twice the parameters); at ×1.5 with every candidate voting, its three agreeing candidates outvote 4 of the 6 SmolLM2 candidates but not 5. The cross-fit splits tasks into two halves by position and scores each half with the grid weight (${WEIGHT_GRID.join(', ')}) that was best on the other half (ties: closest to 1). The in-sample table is for reading sensitivity only.`,
    ...run.nodes
      .filter((node) => /gemma/i.test(node.model) && !/-it\b/i.test(node.model))
      .slice(0, 1)
      .map((node) => `${node.modelLabel} (${node.model}) is the BASE model the model fetcher provides, not the instruction-tuned -it one: it tends to continue the conversation (a new question, the instructions again) rather than answer, which is what its candidates show. A fair test of a second, instruction-tuned model needs the -it GGUF (--c-model <path>).`),
    `CPU per request is read from /proc for each node process (user + system), so it hardly depends on other load; wall times do.`,
    `Latency: the federated request waits for the slowest node (C, the larger model); "candidates all in after" is measured inside the same requests, so it includes the contention of the other nodes.`,
    ...whereVotingDoesNotHelp(summary),
  ];
  if (summary.modelMismatches.length > 0) notes.push(`Candidates carried an unexpected model: ${summary.modelMismatches.join(', ')}; the per-model views go by node, not by model.`);
  if (summary.oneNodeVersusFederation.length > 0) {
    notes.push(
      `Tasks where one node and the federation differ (majority): ${summary.oneNodeVersusFederation
        .map((task) => `${task.taskId} (right: ${task.rightIn.map((id) => summary.views.find((view) => view.id === id)?.label ?? id).join(', ')})`)
        .join('; ')}.`,
    );
  }
  return {
    summary: bullets,
    tables: [
      accuracyTable(summary, settings.instances),
      differenceTable(summary),
      familyTable(summary),
      weightTable(summary, favouredLabel),
      costTable(summary),
      perTaskTable(summary, new Map(run.observations.map((observation) => [observation.request.task.id, observation.request.task]))),
    ],
    notes,
    charts: [accuracyChart(summary, askedSource)],
  };
}
