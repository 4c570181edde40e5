/** Seconds: a small model answers in well under a second, a large one with many candidates in minutes. */
export const DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];
