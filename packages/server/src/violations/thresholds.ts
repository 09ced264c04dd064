/**
 * F38: what makes a provider's month a violation. Configurable (HDLD_VIOLATION_*) and recorded in
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

const VARIABLES: Record<
  keyof ViolationThresholds,
  { name: string; integer: boolean; max: number; min: number }
> = {
  failureRatePercent: { name: 'HDLD_VIOLATION_FAILURE_RATE_PERCENT', integer: false, min: 0, max: 100 },
  minimumVolume: { name: 'HDLD_VIOLATION_MIN_VOLUME', integer: true, min: 1, max: 1_000_000_000 },
  unexplainedAfterDays: { name: 'HDLD_VIOLATION_UNEXPLAINED_DAYS', integer: true, min: 0, max: 366 },
  lateSubmissions: { name: 'HDLD_VIOLATION_LATE_SUBMISSIONS', integer: true, min: 1, max: 1_000_000_000 },
};

/** Reads HDLD_VIOLATION_*; an unset or empty variable keeps its default, a bad value stops the start. */
export function violationThresholdsFromEnv(env: NodeJS.ProcessEnv): ViolationThresholds {
  const thresholds = { ...DEFAULT_VIOLATION_THRESHOLDS };
  for (const [key, rule] of Object.entries(VARIABLES) as [
    keyof ViolationThresholds,
    (typeof VARIABLES)[keyof ViolationThresholds],
  ][]) {
    const raw = env[rule.name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (
      !Number.isFinite(value) ||
      (rule.integer && !Number.isInteger(value)) ||
      value < rule.min ||
      value > rule.max
    ) {
      throw new Error(
        `${rule.name} must be ${rule.integer ? 'an integer' : 'a number'} from ${rule.min} to ${rule.max}`,
      );
    }
    thresholds[key] = value;
  }
  return thresholds;
}
