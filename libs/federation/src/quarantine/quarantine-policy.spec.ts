import { DEFAULT_QUARANTINE, NO_VIOLATIONS, QuarantinePolicy, type ViolationRecord } from './quarantine-policy';

const policy = new QuarantinePolicy();

/** Applies violations at the given times; returns the record and each quarantine length decided. */
function violate(times: readonly number[], start: ViolationRecord = NO_VIOLATIONS): { record: ViolationRecord; quarantines: (number | null)[] } {
  let record = start;
  const quarantines: (number | null)[] = [];
  for (const at of times) {
    const next = policy.violation(record, at);
    record = next.record;
    quarantines.push(next.quarantineMs);
  }
  return { record, quarantines };
}

describe('QuarantinePolicy', () => {
  it('quarantines for 30 s at the third violation within the window', () => {
    const { record, quarantines } = violate([0, 1000, 2000]);
    expect(quarantines).toEqual([null, null, 30_000]);
    expect(record.until).toBe(32_000);
    expect(policy.holds(record, 31_999)).toBe(true);
    expect(policy.holds(record, 32_000)).toBe(false);
  });

  it('forgets violations older than the window', () => {
    expect(violate([0, 1000, DEFAULT_QUARANTINE.windowMs + 1000]).quarantines).toEqual([null, null, null]);
  });

  it('doubles each further quarantine, up to 10 minutes', () => {
    let record = NO_VIOLATIONS;
    const lengths: (number | null)[] = [];
    for (let round = 0; round < 7; round += 1) {
      const at = (record.until ?? 0) + 1;
      const next = violate([at, at + 1, at + 2], record);
      record = next.record;
      lengths.push(next.quarantines[2] ?? null);
    }
    expect(lengths).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });

  it('starts again at 30 s after a clean period', () => {
    const first = violate([0, 1, 2]).record;
    const second = violate([40_000, 40_001, 40_002], first).record;
    expect(second.quarantines).toBe(2);
    const clean = (second.until ?? 0) + DEFAULT_QUARANTINE.cleanResetMs;
    expect(violate([clean, clean + 1, clean + 2], second).quarantines[2]).toBe(30_000);
  });
});
