// Federation: pairs of real nodes in network namespaces, A on core 0 and B on core 1; by default
// a sealed pair (one swarm key) and an open pair (--federation-open) side by side in one run.
// Added latency of a peer's vote vs the same generation done locally, and of sealing; discovery
// time; kill -9 to unhealthy; SIGTERM to removed; client requests failed meanwhile.
//   node tools/bench/dist/federation/main.js [--mode both|sealed|open] [--reps 5] [--events 3] [--tokens 32]
import { describeMachine, writeBenchResult, type BenchTable } from '@local-swarm/bench-kit';
import path from 'node:path';
import { withBenchLans } from '../lan/bench-lan';
import { readNodeId } from '../lan/lan-queries';
import { BenchSwarm } from './bench-swarm';
import { startPairNode } from './federation-nodes';
import { modesOf, parseFederationOptions } from './federation-options';
import type { FederationPair } from './federation-pair';
import { federationReport, type FederationMeasurements, type FederationSettings } from './federation-report';
import { MembershipRun, runMembershipEvents } from './membership-rounds';
import { askedVotePhases, peerVoteAddedSummary, peerVotePhaseTable } from './asked-vote-phases';
import { servedPhaseTable, servedVotePhases } from './served-vote-phases';
import { BENCH_VOTE_PREFIX, measureVoteLatency } from './vote-latency';

const COUNTING_PROMPT = 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,';

async function main(): Promise<void> {
  const options = parseFederationOptions();
  const startedAt = new Date();
  const modes = modesOf(options.mode);
  const swarm = new BenchSwarm();
  const log = (line: string): void => console.log(`federation: ${line}`);
  const phaseTables: BenchTable[] = [];
  const phaseSummary: string[] = [];

  const measuredModes = await withBenchLans(
    modes.map(() => ['a', 'b']),
    async (lans) => {
      const runs: MembershipRun[] = [];
      for (const [index, mode] of modes.entries()) {
        const lan = lans[index];
        if (lan === undefined) throw new Error(`no LAN for ${mode}`);
        log(`${mode}: starting A (core 0)`);
        const a = await startPairNode(lan, mode, 'a', swarm, options);
        runs.push(new MembershipRun(mode, { lan, a, bId: null, startB: () => startPairNode(lan, mode, 'b', swarm, options), settleMs: options.settleMs }));
      }
      const pairs: FederationPair[] = [];
      for (const run of runs) {
        log(`${run.mode}: starting B (core 1): first discovery`);
        const b = await run.firstStart();
        const { lan, a, bId } = run.context;
        if (bId === null) throw new Error(`${run.mode}: B's id is unknown after its start`);
        log(`${run.mode}: B (${bId}) healthy in A's list ${Math.round(run.discoveries[0]?.advertiseToHealthyMs ?? Number.NaN)} ms after it began advertising`);
        pairs.push({ mode: run.mode, lan, a, b, aId: await readNodeId(lan, a, a), bId, asker: run.mode === 'sealed' ? swarm.membership : null });
      }
      log(`latency: ${options.reps} rounds × 4 ways × ${modes.join(' and ')}, interleaved, ${options.tokens} tokens`);
      const latency = await measureVoteLatency(pairs, { prompt: COUNTING_PROMPT, maxTokens: options.tokens, temperature: 0.7, topP: 0.95, candidates: options.instances }, options.reps);
      // Read before the membership events restart B (a new process, a new log).
      for (const pair of pairs) {
        const measuredFrom = latency.find((result) => result.mode === pair.mode)?.measuredFrom ?? 0;
        const served = servedVotePhases(pair.b.output(), measuredFrom, BENCH_VOTE_PREFIX);
        const asked = askedVotePhases(pair.a.output(), measuredFrom);
        phaseTables.push(peerVotePhaseTable(pair.mode, asked, served), servedPhaseTable(pair.mode, served));
        phaseSummary.push(peerVoteAddedSummary(pair.mode, asked, served));
      }
      await runMembershipEvents(runs, options, log);
      return runs.map((run) => run.measurements(latency.find((result) => result.mode === run.mode)?.samples ?? []));
    },
  ).finally(() => swarm.remove());

  const settings: FederationSettings = {
    repetitions: options.reps,
    events: options.events,
    maxTokens: options.tokens,
    instances: options.instances,
    clientMaxTokens: options.clientTokens,
    settleMs: options.settleMs,
  };
  const full: FederationMeasurements = { settings, modes: measuredModes };
  const report = federationReport(full);
  const file = writeBenchResult({
    name: 'federation',
    title: 'Federation: sealed vs open, vote latency, discovery, crash and shutdown',
    command: `node tools/bench/dist/federation/main.js${options.mode === 'both' ? '' : ` --mode ${options.mode}`} --reps ${options.reps}`,
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    summary: [...report.summary, ...phaseSummary],
    tables: [...report.tables, ...phaseTables],
    notes: [describeMachine(), `Model: ${options.model !== undefined ? path.basename(options.model) : "the node's default (SmolLM2-135M-Instruct Q4_1)"}.`, ...report.notes],
  });
  for (const line of [...report.summary, ...phaseSummary]) console.log(`- ${line}`);
  for (const table of phaseTables) console.log(`${table.title}\n${table.columns.join(' | ')}\n${table.rows.map((row) => row.join(' | ')).join('\n')}`);
  console.log(`federation: wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`federation: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
