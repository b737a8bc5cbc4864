// How often a worker proves it is alive, and how long silence means it died. A dead worker's job is
// recovered within staleAfterMs + sweepMs (40 s + 15 s by default: under a minute). staleAfterMs
// must exceed the longest stretch a job blocks its thread: the engine's synchronous matching of a
// 1 M-order month takes about 10 s, during which no heartbeat can be sent.
export type JobTimings = {
  heartbeatMs: number;
  staleAfterMs: number;
  sweepMs: number;
  /** How often an idle worker looks for queued jobs when no notification woke it. */
  pollMs: number;
  /**
   * A batch or run left in a working state with no job at all (the web server died between
   * marking it and queueing its job) is failed after this long. Generous: an upload being staged
   * has no job yet and bumps its batch only when it ends.
   */
  orphanGraceMs: number;
  /** Ended jobs older than this are deleted by the sweep (delete-old-jobs.ts); their batch or run stays. */
  retentionDays: number;
};

const DEFAULTS: JobTimings = { heartbeatMs: 5_000, staleAfterMs: 40_000, sweepMs: 15_000, pollMs: 2_000, orphanGraceMs: 5 * 60_000, retentionDays: 30 };

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** JOBS_HEARTBEAT_MS, JOBS_STALE_AFTER_MS, JOBS_SWEEP_MS, JOBS_POLL_MS, JOBS_ORPHAN_GRACE_MS (tests shorten them), JOBS_RETENTION_DAYS. */
export function jobTimingsFromEnv(overrides: Partial<JobTimings> = {}): JobTimings {
  return {
    heartbeatMs: fromEnv("JOBS_HEARTBEAT_MS", DEFAULTS.heartbeatMs),
    staleAfterMs: fromEnv("JOBS_STALE_AFTER_MS", DEFAULTS.staleAfterMs),
    sweepMs: fromEnv("JOBS_SWEEP_MS", DEFAULTS.sweepMs),
    pollMs: fromEnv("JOBS_POLL_MS", DEFAULTS.pollMs),
    orphanGraceMs: fromEnv("JOBS_ORPHAN_GRACE_MS", DEFAULTS.orphanGraceMs),
    retentionDays: fromEnv("JOBS_RETENTION_DAYS", DEFAULTS.retentionDays),
    ...overrides,
  };
}
