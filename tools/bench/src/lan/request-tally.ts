import { succeeded, type RequestOutcome } from './request-outcome';

export interface RequestTally {
  readonly requests: number;
  /** 2xx replies. */
  readonly completed: number;
  /** Non-2xx replies and requests that got no reply. */
  readonly failed: number;
  /** Completion tokens of the completed requests. */
  readonly completionTokens: number;
  /** Completed requests per node id that answered them (a voted answer counts for each voter). */
  readonly byNode: Readonly<Record<string, number>>;
  /** Failure reasons with their counts, e.g. `{"HTTP 503": 2}`. */
  readonly failures: Readonly<Record<string, number>>;
}

/**
 * Which requests a window holds: `ended` (those that finished inside it: the steady-state
 * throughput count) or `overlapping` (those in flight at any moment of it: everything an event
 * such as a crash could have hurt).
 */
export type WindowRule = 'ended' | 'overlapping';

export interface TallyWindow {
  readonly from: number;
  readonly to: number;
  readonly rule: WindowRule;
}

/** Counts outcomes, all of them or those of one window (epoch ms, `from` inclusive, `to` exclusive). */
export function tallyRequests(outcomes: readonly RequestOutcome[], window?: TallyWindow): RequestTally {
  const inWindow = outcomes.filter((outcome) => {
    if (window === undefined) return true;
    if (window.rule === 'ended') return outcome.endedAt >= window.from && outcome.endedAt < window.to;
    return outcome.startedAt < window.to && outcome.endedAt >= window.from;
  });
  const byNode: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let completed = 0;
  let completionTokens = 0;
  for (const outcome of inWindow) {
    if (succeeded(outcome)) {
      completed += 1;
      completionTokens += outcome.completionTokens;
      for (const node of outcome.answeredBy) byNode[node] = (byNode[node] ?? 0) + 1;
      continue;
    }
    const reason = outcome.error ?? (outcome.status === null ? 'no reply' : `HTTP ${outcome.status}`);
    failures[reason] = (failures[reason] ?? 0) + 1;
  }
  return { requests: inWindow.length, completed, failed: inWindow.length - completed, completionTokens, byNode, failures };
}
