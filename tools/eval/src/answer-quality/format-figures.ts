import type { Interval } from '@local-swarm/bench-kit';

/** 0.4123 -> "41.2%". */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** An accuracy with its interval: "41.2% [35.0, 47.5]". */
export function percentWithInterval(interval: Interval): string {
  return `${percent(interval.estimate)} [${(interval.lo * 100).toFixed(1)}, ${(interval.hi * 100).toFixed(1)}]`;
}

const signed = (points: number): string => `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;

/** A difference of shares in percentage points with its interval: "+5.0 pp [−1.2, +11.0]". */
export function pointsWithInterval(interval: Interval): string {
  return `${signed(interval.estimate * 100)} pp [${signed(interval.lo * 100)}, ${signed(interval.hi * 100)}]`;
}

/** How an interval of a difference reads: above zero, below zero, or straddling it. */
export function verdictOf(difference: Interval): 'helps' | 'hurts' | 'no clear difference' {
  if (difference.lo > 0) return 'helps';
  if (difference.hi < 0) return 'hurts';
  return 'no clear difference';
}
