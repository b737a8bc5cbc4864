// One reconciliation run: claim the organization's single run slot, load, match (pure engine),
// save the proposals, record counts and duration. A second run while one is going gets a clear
// "already running" (a partial unique index allows one RUNNING run per organization).
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import type { ReconciliationRun } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { parseRules, reconcile, type ReconcileInput } from "@/lib/match-engine";
import { toJsonValue } from "@/lib/shared/json-safe";
import { loadRunInput, type LoadFacts, type ReconcileScope } from "./load-reconcile-input";
import { contextKeyOf, loadedRowIds, planLoad, readLoadState, recordOpenRows, rowsToList, storeWitnesses, unchangedSinceLastRun, type FullLoadReason, type LoadState } from "./open-rows";
import { runResults, runResultsJson, runScope, runScopeJson } from "./run-record";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { inputRowFacts } from "./input-row-facts";
import { saveProposals } from "./save-proposals";
import { lockedMonthsOf, skipLockedMonths } from "./skip-locked-months";
import { isNarrowed, keepInScope } from "./run-scope";

export type RunSummary = {
  runId: string;
  proposed: number;
  autoConfirmed: number;
  unmatched: { orders: number; settlement: number; bank: number };
  /** Groups the engine found in months that are locked: neither booked nor proposed. */
  skippedInLockedMonths: number;
  /** Earlier proposals standing in locked months, kept as they were (not replaced, not lost). */
  keptInLockedMonths: number;
  /** The locked months the run left alone. */
  lockedMonths: string[];
  /** Earlier proposals outside the run's scope (month, store, account), kept as they were. */
  keptOutsideScope: number;
  /** Groups the engine found outside the run's scope: neither booked nor proposed. */
  skippedOutsideScope: number;
  /** New groups left out because a kept proposal already uses one of their rows. */
  skippedOverlapping: number;
  durationMs: number;
  /** Where the time went: reading the rows, the engine, writing the groups (and the open-row cache). */
  phasesMs: { load: number; match: number; save: number };
  /**
   * What the run read (open-rows.ts): only the open and new rows, or everything, and why; or
   * nothing, when nothing changed since the run `unchangedSince` (its answer stands).
   */
  load: { incremental: boolean; fullBecause?: FullLoadReason; namedOrders: number; unchangedSince?: string };
};

export async function startRun(db: Db, actor: Actor, scope: ReconcileScope): Promise<ReconciliationRun> {
  const rules = await getOrgRules(db, actor.orgId);
  try {
    return await db.reconciliationRun.create({
      data: {
        orgId: actor.orgId,
        status: "RUNNING",
        rulesVersion: rules.version,
        rules: toJsonValue(rules),
        params: runScopeJson(scope),
        startedById: actor.userId,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { messageKey: "runAlreadyRunning" });
    throw error;
  }
}

/** A job's progress report (lib/jobs): 0..1 and the phase's message key; it throws to cancel. */
export type RunProgress = (fraction: number, phase: string) => void;

/** Rows are read and groups written through `pool` (COPY; Prisma has none), the run's record through `db`. */
export async function executeRun(db: Db, actor: Actor, run: ReconciliationRun, pool: pg.Pool = getPgPool(), report?: RunProgress): Promise<RunSummary> {
  const started = performance.now();
  const since = (from: number) => Math.round(performance.now() - from);
  const progress = (value: number, phase: string) => {
    report?.(value, phase);
    return db.reconciliationRun.update({ where: { orgId_id: { orgId: run.orgId, id: run.id } }, data: { progress: value } });
  };
  try {
    report?.(0, "jobs.phase.loading");
    const scope = runScope(run);
    // The rules recorded when the run started, not whatever they are now: the run's record must
    // say exactly which rules made its result.
    const rules = parseRules(run.rules);
    const [accounts, stores, state] = await Promise.all([
      db.fundAccount.findMany({ where: { orgId: actor.orgId }, select: { id: true, type: true } }),
      db.store.findMany({ where: { orgId: actor.orgId }, select: { id: true, platform: true } }),
      readLoadState(db, actor.orgId),
    ]);
    const contextKey = contextKeyOf(run.rulesVersion, accounts, stores);
    // A date range (the CLI's --from/--to) reads part of the bills and statements: it may use the
    // cache but must not move the watermarks; month, store and account scopes read every row.
    const dated = scope.from !== undefined || scope.to !== undefined;
    const plan = planLoad(state, contextKey, rules);
    const unscoped = !dated && !isNarrowed(scope);
    if (unscoped && state && "incremental" in plan && (await unchangedSinceLastRun(db, actor.orgId, state))) {
      // The phases still pass, so whoever watches the job sees it go by as any run.
      await progress(0.3, "jobs.phase.matching");
      await progress(0.7, "jobs.phase.saving");
      return await finishUnchanged(db, actor, run, state, since(started));
    }
    const loadProgress = throttled((fraction) => progress(0.3 * fraction, "jobs.phase.loading"));
    const onRows = (rows: number, estimate: number) => loadProgress.report(Math.min(0.95, rows / estimate));
    let fullBecause: FullLoadReason | undefined = "full" in plan ? plan.full : undefined;
    let { input, facts }: { input: ReconcileInput; facts: LoadFacts } = await loadRunInput(pool, actor.orgId, scope, "incremental" in plan ? { incremental: plan.incremental, onRows } : { onRows });
    let witnesses = storeWitnesses(input, rules);
    // A store whose orders had lines must still show one, or the engine would take it for a store
    // paid straight into the bank: in doubt, everything is read again.
    if (facts.incremental && state && state.storesWithLines.some((store) => !witnesses.has(store))) {
      fullBecause = "STORE_WITNESS_MISSING";
      ({ input, facts } = await loadRunInput(pool, actor.orgId, scope, { onRows }));
      witnesses = storeWitnesses(input, rules);
    }
    await loadProgress.settled();
    const load = since(started);
    await progress(0.3, "jobs.phase.matching");
    const matchStarted = performance.now();
    const matchProgress = throttled((fraction) => progress(0.3 + 0.4 * fraction, "jobs.phase.matching"));
    const result = reconcile(input, rules, { onProgress: matchProgress.report });
    await matchProgress.settled();
    const locked = await lockedMonthsOf(db, actor.orgId);
    const inScope = keepInScope(input, result.proposals, scope);
    const open = skipLockedMonths(input, inScope.kept, locked);
    const match = since(matchStarted);
    await progress(0.7, "jobs.phase.saving");
    const saveStarted = performance.now();
    const saveProgress = throttled((fraction) => progress(0.7 + 0.27 * fraction, "jobs.phase.saving"));
    const saved = await saveProposals(pool, actor.orgId, run.id, open.kept, inputRowFacts(input), { onProgress: saveProgress.report, lockedMonths: [...locked], scope });
    await saveProgress.settled();
    // The open-row cache, right after the save (open-rows.ts says why not inside it). Before any
    // unscoped run wrote a state, entries mean nothing: a scoped run then leaves them alone.
    if (unscoped || state) {
      const rows = rowsToList(input, result, open.kept, saved.skippedOverlapping === 0, rules, witnesses);
      await recordOpenRows(pool, actor.orgId, {
        runId: run.id,
        facts,
        rows,
        loaded: facts.incremental || dated ? loadedRowIds(input) : "all",
        ...(unscoped ? { state: { contextKey, storesWithLines: [...witnesses.keys()].sort() } } : {}),
      });
    }
    const save = since(saveStarted);
    const durationMs = since(started);
    const summary: RunSummary = {
      runId: run.id,
      proposed: saved.proposed,
      autoConfirmed: saved.autoConfirmed,
      unmatched: result.stats.unmatched,
      skippedInLockedMonths: open.skipped,
      keptInLockedMonths: saved.keptInLockedMonths,
      lockedMonths: [...locked].sort(),
      keptOutsideScope: saved.keptOutsideScope,
      skippedOutsideScope: inScope.outside,
      skippedOverlapping: saved.skippedOverlapping,
      durationMs,
      phasesMs: { load, match, save },
      load: { incremental: facts.incremental, ...(fullBecause && !facts.incremental ? { fullBecause } : {}), namedOrders: facts.namedOrders },
    };
    await db.reconciliationRun.update({
      where: { orgId_id: { orgId: run.orgId, id: run.id } },
      data: {
        status: "SUCCEEDED",
        progress: 1,
        finishedAt: new Date(),
        durationMs,
        inputCounts: toJsonValue(result.stats.rows),
        results: runResultsJson({ ...summary, byRule: result.stats.byRule }),
      },
    });
    return summary;
  } catch (error) {
    await db.reconciliationRun.update({
      where: { orgId_id: { orgId: run.orgId, id: run.id } },
      data: { status: "FAILED", finishedAt: new Date(), error: error instanceof Error ? error.message.slice(0, 500) : String(error) },
    });
    throw error;
  }
}

/**
 * A run over a state nothing changed since the last unscoped run: that run's groups are what this
 * one would write, so they stand; its record says which run answered and reads no row.
 */
async function finishUnchanged(db: Db, actor: Actor, run: ReconciliationRun, state: LoadState, durationMs: number): Promise<RunSummary> {
  const [previous, proposed, locked] = await Promise.all([
    db.reconciliationRun.findFirst({ where: { orgId: actor.orgId, id: state.runId }, select: { id: true, results: true } }),
    db.matchGroup.count({ where: { orgId: actor.orgId, status: "PROPOSED" } }),
    lockedMonthsOf(db, actor.orgId),
  ]);
  const before = previous ? runResults(previous) : {};
  const summary: RunSummary = {
    runId: run.id,
    proposed,
    autoConfirmed: 0,
    unmatched: before.unmatched ?? { orders: 0, settlement: 0, bank: 0 },
    skippedInLockedMonths: 0,
    keptInLockedMonths: before.keptInLockedMonths ?? 0,
    lockedMonths: [...locked].sort(),
    keptOutsideScope: 0,
    skippedOutsideScope: 0,
    skippedOverlapping: 0,
    durationMs,
    phasesMs: { load: durationMs, match: 0, save: 0 },
    load: { incremental: true, namedOrders: 0, unchangedSince: state.runId },
  };
  await db.reconciliationRun.update({
    where: { orgId_id: { orgId: run.orgId, id: run.id } },
    data: { status: "SUCCEEDED", progress: 1, finishedAt: new Date(), durationMs, inputCounts: { orders: 0, settlement: 0, bank: 0 }, results: runResultsJson({ ...summary }) },
  });
  return summary;
}

/**
 * Progress reports from inside a long step, written at most once a second and one at a time, never
 * awaited by the step (a failed write loses a tick, not the run); settled() before the final write.
 */
function throttled(write: (fraction: number) => Promise<unknown>): { report: (fraction: number) => void; settled: () => Promise<void> } {
  let last = 0;
  let inFlight: Promise<void> | undefined;
  return {
    report(fraction) {
      const now = Date.now();
      if (inFlight || now - last < 1000) return;
      last = now;
      inFlight = write(fraction).then(
        () => void (inFlight = undefined),
        () => void (inFlight = undefined),
      );
    },
    settled: async () => {
      await inFlight;
    },
  };
}

export async function runReconciliation(db: Db, actor: Actor, scope: ReconcileScope = {}, pool?: pg.Pool): Promise<RunSummary> {
  return executeRun(db, actor, await startRun(db, actor, scope), pool);
}
