/**
 * F38: what makes a provider's month a violation. Configurable (HDLD_VIOLATION_*, read through config/settings.ts) and recorded in
 * every report, so a report can be recomputed and explained with the thresholds it was made with.
 */
export type ViolationThresholds = {
  /** The failure rate must be strictly above this percentage (HDLD_VIOLATION_FAILURE_RATE_PERCENT)… */
  failureRatePercent: number;
  /** …among at least this many decided transactions (HDLD_VIOLATION_MIN_VOLUME). */
  minimumVolume: number;
  /** A failure still unexplained this many days after it failed (HDLD_VIOLATION_UNEXPLAINED_DAYS). */
  unexplainedAfterDays: number;
  /** This many late submissions in the month, or more (HDLD_VIOLATION_LATE_SUBMISSIONS). */
  lateSubmissions: number;
};

export const DEFAULT_VIOLATION_THRESHOLDS: ViolationThresholds = {
  failureRatePercent: 20,
  minimumVolume: 20,
  unexplainedAfterDays: 7,
  lateSubmissions: 1,
};
