/** How a diagnostic check came out: FAIL stops pairing, WARN may, OK does not. */
export type DoctorStatus = 'ok' | 'warn' | 'fail';

/** One line of a `doctor` report: what was checked, how it came out, and what to try. */
export interface DoctorCheck {
  /** Stable id for machine-readable output, e.g. `bind-address`, `multicast-route`. */
  readonly id: string;
  readonly status: DoctorStatus;
  /** One sentence: what was found. */
  readonly summary: string;
  /** What to do about it; null when there is nothing to do. */
  readonly hint: string | null;
  /** Extra lines worth showing under the summary (one interface, one cause...). */
  readonly details: readonly string[];
}

/** A check with no hint and no details unless given. */
export function doctorCheck(
  id: string,
  status: DoctorStatus,
  summary: string,
  extra: { readonly hint?: string | null; readonly details?: readonly string[] } = {},
): DoctorCheck {
  return { id, status, summary, hint: extra.hint ?? null, details: extra.details ?? [] };
}
