/** One client request a benchmark made: when, how it ended, and who answered it. */
export interface RequestOutcome {
  /** Epoch ms when it was sent and when its reply (or failure) came back. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** HTTP status; null when no reply came at all (refused, reset, timed out). */
  readonly status: number | null;
  /** usage.completion_tokens of a 2xx reply, else 0. */
  readonly completionTokens: number;
  /** Node ids whose candidates made the answer (consensus.sources that were ok). */
  readonly answeredBy: readonly string[];
  /** Why it failed, short; absent for a 2xx reply. */
  readonly error?: string;
}

export const succeeded = (outcome: RequestOutcome): boolean => outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
