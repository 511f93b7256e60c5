// How much of each capped log a store keeps, the same in memory and in Redis: the newest entries stay.
export const UNANSWERED_KEPT = 1000;
export const AUDIT_KEPT = 10_000;
/** Failures kept per key (a sliding window of wrong passwords). */
export const FAILURES_KEPT = 100;
