/** When repeated protocol violations put a peer in quarantine, and for how long. */
export interface QuarantineSettings {
  /** Violations within `windowMs` that quarantine a peer. Default 3. */
  readonly violations: number;
  /** Default 60 s. */
  readonly windowMs: number;
  /** First quarantine. Default 30 s; each further one doubles it. */
  readonly initialMs: number;
  /** Longest quarantine. Default 10 minutes. */
  readonly maxMs: number;
  /** A peer with no violation for this long after its last quarantine starts again at `initialMs`. Default 10 minutes. */
  readonly cleanResetMs: number;
}

export const DEFAULT_QUARANTINE: QuarantineSettings = {
  violations: 3,
  windowMs: 60_000,
  initialMs: 30_000,
  maxMs: 600_000,
  cleanResetMs: 600_000,
};

/** What one peer's record of violations holds (kept in the registry entry). */
export interface ViolationRecord {
  /** Epoch ms of the violations still inside the window. */
  readonly recent: readonly number[];
  /** Quarantines so far in this streak (the back-off doubles with each). */
  readonly quarantines: number;
  /** Epoch ms the current or last quarantine ends; null when never quarantined. */
  readonly until: number | null;
}

export const NO_VIOLATIONS: ViolationRecord = { recent: [], quarantines: 0, until: null };

/**
 * Counts a peer's protocol violations and decides its quarantine: `violations` of them within
 * `windowMs` quarantine it for `initialMs`, doubling with each further quarantine up to `maxMs`;
 * a peer that stays clean for `cleanResetMs` after a quarantine ended starts again from the
 * first step. Pure: the registry keeps each peer's record and the clock.
 */
export class QuarantinePolicy {
  constructor(private readonly settings: QuarantineSettings = DEFAULT_QUARANTINE) {}

  /** The record after one more violation at `now`, and how long to quarantine for (null: not yet). */
  violation(record: ViolationRecord, now: number): { readonly record: ViolationRecord; readonly quarantineMs: number | null } {
    const cleanSince = record.until ?? 0;
    const quarantines = record.until !== null && now - cleanSince >= this.settings.cleanResetMs ? 0 : record.quarantines;
    const recent = [...record.recent.filter((at) => now - at < this.settings.windowMs), now];
    if (recent.length < this.settings.violations) return { record: { ...record, recent, quarantines }, quarantineMs: null };
    const quarantineMs = Math.min(this.settings.maxMs, this.settings.initialMs * 2 ** quarantines);
    return { record: { recent: [], quarantines: quarantines + 1, until: now + quarantineMs }, quarantineMs };
  }

  /** Whether a quarantine in `record` still holds at `now`. */
  holds(record: ViolationRecord, now: number): boolean {
    return record.until !== null && now < record.until;
  }
}
