/**
 * `--auto` by measured cost: of the odd candidate counts memory allows, the largest whose extra
 * candidates stay cheap on this machine.
 *
 * Marginal cost of going from N−2 to N candidates: (t(N) − t(N−2)) / (2 · t(1)), where t(N) is the
 * median time of one lock-step decode+sample step with N sequences. It is what each extra
 * candidate adds, relative to one lone candidate. Growth stops at the first N whose marginal cost
 * exceeds {@link AUTO_MARGINAL_COST_BOUND}; counts past it are not considered even when cheaper
 * (noise can make one step look cheap, and a count past an expensive one is not worth trusting).
 */

/** An extra candidate may cost at most half a lone candidate's step. */
export const AUTO_MARGINAL_COST_BOUND = 0.5;
/** Consensus needs three votes: memory permitting, never fewer, whatever the cost. */
export const AUTO_MIN_VOTING_INSTANCES = 3;

/** Median time of one lock-step step with `candidates` sequences. */
export interface StepCost {
  readonly candidates: number;
  readonly stepMs: number;
}

/** A measured point relative to one candidate. */
export interface MeasuredRatio extends StepCost {
  /** t(N) / t(1). */
  readonly ratio: number;
}

export interface CostChoiceInput {
  /** Measured step times: N = 1 and odd N ≥ 3 (a time cap may have left larger ones out). */
  readonly measured: readonly StepCost[];
  /** The largest odd count memory and cores allow (chooseSwarmSize). */
  readonly memoryCap: number;
  /** Defaults to {@link AUTO_MARGINAL_COST_BOUND}. */
  readonly bound?: number;
}

export interface CostChoice {
  readonly instances: number;
  /** t(instances) / t(1); null when that count was not measured (the floor chose it). */
  readonly ratio: number | null;
  /** Every measured point, smallest count first. */
  readonly measured: readonly MeasuredRatio[];
  /** Growth stopped before the memory cap: by the bound, or because the next count was not measured. */
  readonly stoppedBy: 'memory' | 'cost' | 'unmeasured';
  /** The first count that broke the bound, when one did. */
  readonly firstTooCostly: MeasuredRatio | null;
  /** Why this count, for the banner. */
  readonly reason: string;
}

export function chooseSizeByCost(input: CostChoiceInput): CostChoice {
  const bound = input.bound ?? AUTO_MARGINAL_COST_BOUND;
  const measured = ratiosOf(input.measured);
  const timeOf = (candidates: number): number | undefined => measured.find((point) => point.candidates === candidates)?.stepMs;
  const oneMs = timeOf(1) ?? 0;
  let instances = 1;
  let stoppedBy: CostChoice['stoppedBy'] = 'memory';
  let firstTooCostly: MeasuredRatio | null = null;
  for (let candidates = 3; candidates <= input.memoryCap; candidates += 2) {
    const stepMs = timeOf(candidates);
    const previousMs = timeOf(candidates - 2);
    if (stepMs === undefined || previousMs === undefined) {
      stoppedBy = 'unmeasured';
      break;
    }
    if ((stepMs - previousMs) / (2 * oneMs) > bound) {
      stoppedBy = 'cost';
      firstTooCostly = measured.find((point) => point.candidates === candidates) ?? null;
      break;
    }
    instances = candidates;
  }
  const floored = instances < AUTO_MIN_VOTING_INSTANCES && input.memoryCap >= AUTO_MIN_VOTING_INSTANCES;
  if (floored) instances = AUTO_MIN_VOTING_INSTANCES;
  const chosen = measured.find((point) => point.candidates === instances);
  const ratio = chosen?.ratio ?? null;
  return { instances, ratio, measured, stoppedBy, firstTooCostly, reason: reasonFor(instances, ratio, measured, input.memoryCap, floored ? floorNote(stoppedBy, bound) : '') };
}

/** Checks the measurements and relates each to one candidate; bad input is an error, not a guess. */
function ratiosOf(points: readonly StepCost[]): MeasuredRatio[] {
  for (const point of points) {
    if (!Number.isInteger(point.candidates) || point.candidates < 1) throw new RangeError(`step cost: bad candidate count ${point.candidates}`);
    if (!Number.isFinite(point.stepMs) || point.stepMs <= 0) throw new RangeError(`step cost: bad time ${point.stepMs} ms for ${point.candidates}`);
  }
  const one = points.find((point) => point.candidates === 1);
  if (one === undefined) throw new RangeError('step cost: one candidate was not measured');
  return [...points]
    .sort((a, b) => a.candidates - b.candidates)
    .map((point) => ({ ...point, ratio: point.stepMs / one.stepMs }));
}

function reasonFor(
  instances: number,
  ratio: number | null,
  measured: readonly MeasuredRatio[],
  memoryCap: number,
  floorNote: string,
): string {
  const cost = ratio === null ? `${instances} candidates` : `${instances} candidates cost ${times(ratio)} one on this machine`;
  const points = measured.filter((point) => point.candidates > 1).map((point) => `${point.candidates} → ${times(point.ratio)}`);
  return `${cost} (measured: ${points.length > 0 ? points.join(', ') : 'none'})${floorNote}; memory allows ${memoryCap}`;
}

/** Says when the floor of three overrode the bound (or stood in for a count never measured). */
function floorNote(stoppedBy: CostChoice['stoppedBy'], bound: number): string {
  const why = stoppedBy === 'cost' ? `although each extra candidate costs over ${bound}x one` : 'although it was not measured in time';
  return `; kept at ${AUTO_MIN_VOTING_INSTANCES}, the fewest votes consensus needs, ${why}`;
}

function times(ratio: number): string {
  return `${ratio.toFixed(1)}x`;
}
