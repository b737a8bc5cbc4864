// A run's JSON columns: the scope it was asked for (params) and what it found (results). Written
// here and read back here through zod, like every JSON column (lib/shared/json-column.ts). Runs
// recorded before a field existed read without it.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/shared/json-column";
import { toJsonValue } from "@/lib/shared/json-safe";
import type { ReconcileScope } from "./run-scope";

const scopeSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  month: z.string().optional(),
  storeId: z.string().optional(),
  accountId: z.string().optional(),
});

const count = z.number().int().nonnegative();
const resultsSchema = z
  .object({
    autoConfirmed: count,
    proposed: count,
    unmatched: z.object({ orders: count, settlement: count, bank: count }),
    skippedInLockedMonths: count,
    keptInLockedMonths: count,
    lockedMonths: z.array(z.string()),
    keptOutsideScope: count,
    skippedOutsideScope: count,
    skippedOverlapping: count,
  })
  .partial()
  .loose();

export type RunResults = z.output<typeof resultsSchema>;

export function runScopeJson(scope: ReconcileScope): Prisma.InputJsonValue {
  return toJsonValue(scopeSchema.parse(scope));
}

export function runScope(run: { id: string; params: unknown }): ReconcileScope {
  return readJsonColumn(scopeSchema, run.params ?? {}, "ReconciliationRun.params", run.id);
}

export function runResultsJson(results: RunResults & Record<string, unknown>): Prisma.InputJsonValue {
  return toJsonValue(results);
}

/** What a run found; empty for a run that has not finished (or failed). */
export function runResults(run: { id: string; results: unknown }): RunResults {
  return run.results == null ? {} : readJsonColumn(resultsSchema, run.results, "ReconciliationRun.results", run.id);
}
