import type { BenchTable } from '@local-swarm/bench-kit';
import { readLogEntries } from '../lan/node-log';
import { formatSpread, sampleSpread } from '../lan/sample-spread';
import type { FederationMode } from './federation-samples';
import { SERVING_PHASES, type ServedVotePhases } from './served-vote-phases';

/** One vote A asked of a peer, as its debug "peer vote asked" line tells it: milliseconds per phase. */
export interface AskedVotePhases {
  readonly requestId: string;
  readonly reusedConnection: boolean;
  readonly phases: Readonly<Record<string, number>>;
}

/** The asking node's phases, in the order it runs them (`seal`/`open` sealed only, `parse` open only). */
export const ASKING_PHASES = ['build', 'seal', 'connect', 'headers', 'body', 'exchange', 'parse', 'open', 'validate', 'screen'] as const;

/** A's phases that hold the time on the wire and on B (`exchange`: a client that does not split it). */
const EXCHANGE_PHASES = ['connect', 'headers', 'body', 'exchange'] as const;

/** The votes A logged as asked from `from` (epoch ms) on; lines without phases are left out. */
export function askedVotePhases(output: string, from: number): AskedVotePhases[] {
  return readLogEntries(output).flatMap((entry) => {
    const { requestId, reusedConnection, phases } = entry.fields;
    if (entry.msg !== 'peer vote asked' || entry.time < from || typeof requestId !== 'string' || typeof phases !== 'object' || phases === null) return [];
    const times = Object.fromEntries(Object.entries(phases).filter((pair): pair is [string, number] => typeof pair[1] === 'number'));
    return [{ requestId, reusedConnection: reusedConnection === true, phases: times }];
  });
}

interface JoinedVote {
  readonly asked: AskedVotePhases;
  readonly served: ServedVotePhases;
}

function joinByRequest(asked: readonly AskedVotePhases[], served: readonly ServedVotePhases[]): JoinedVote[] {
  const servedById = new Map(served.map((vote) => [vote.requestId, vote]));
  return asked.flatMap((vote) => {
    const serving = servedById.get(vote.requestId);
    return serving === undefined ? [] : [{ asked: vote, served: serving }];
  });
}

/** Everything a peer vote costs beyond the generation itself: A's whole call less B's `generate`. */
const addedMs = ({ asked, served }: JoinedVote): number => sum(asked.phases) - (served.phases['generate'] ?? Number.NaN);

/** Most a peer vote may add to the same generation on the peer (median). */
export const PEER_VOTE_TARGET_MS = 10;

/** The summary bullet: what a peer vote added on the asking node, median, against PEER_VOTE_TARGET_MS. */
export function peerVoteAddedSummary(mode: FederationMode, asked: readonly AskedVotePhases[], served: readonly ServedVotePhases[]): string {
  const spread = sampleSpread(joinByRequest(asked, served).map(addedMs));
  const met = spread.n > 0 && spread.median <= PEER_VOTE_TARGET_MS;
  return `**${mode}**: what a peer vote adds, on A (its whole call to B, phase by phase, less B's own generate phase, joined by request id): **${formatSpread(spread)}**. Target ≤ ${PEER_VOTE_TARGET_MS} ms median: **${met ? 'met' : 'not met'}**.`;
}

const sum = (phases: Readonly<Record<string, number>>, names: readonly string[] = Object.keys(phases)): number =>
  names.reduce((total, name) => total + (phases[name] ?? 0), 0);

/**
 * One peer vote end to end, median ms per phase: A's phases, then B's for the same votes (joined by
 * request id), and the residual: A's time on the wire (connect, headers, body) less B's whole
 * serving time, what the network, both HTTP stacks and both event loops took.
 */
export function peerVotePhaseTable(mode: FederationMode, asked: readonly AskedVotePhases[], served: readonly ServedVotePhases[]): BenchTable {
  const joined = joinByRequest(asked, served);
  const medianOf = (values: readonly (number | undefined)[]): number | string => {
    const spread = sampleSpread(values.map((value) => value ?? Number.NaN));
    return spread.n === 0 ? 'n/a' : Math.round(spread.median * 100) / 100;
  };
  const askingRows = ASKING_PHASES.filter((phase) => joined.some(({ asked: vote }) => vote.phases[phase] !== undefined)).map((phase) => [
    `A: ${phase}`,
    medianOf(joined.map(({ asked: vote }) => vote.phases[phase])),
  ]);
  const servingRows = SERVING_PHASES.filter((phase) => joined.some(({ served: vote }) => vote.phases[phase] !== undefined)).map((phase) => [
    `B: ${phase}`,
    medianOf(joined.map(({ served: vote }) => vote.phases[phase])),
  ]);
  return {
    title: `${mode}: one peer vote (A in vote mode asking B), median ms per phase on each side`,
    columns: ['phase', 'median ms'],
    rows: [
      ...askingRows,
      ...servingRows,
      ['residual: A connect+headers+body − B phases (network, HTTP, event loops)', medianOf(joined.map(({ asked: vote, served: serving }) => sum(vote.phases, EXCHANGE_PHASES) - sum(serving.phases)))],
      ['A: whole call − B generate (all a peer vote adds)', medianOf(joined.map(addedMs))],
      ['votes (on a reused connection)', `${joined.length} (${joined.filter(({ asked: vote }) => vote.reusedConnection).length})`],
    ],
  };
}
