// A generated month with anomalies planted on request (lib/generate/anomalies), brought in as a user
// would (import every file, run the matching, confirm what it proposed, rebuild receivables), then
// the alerts computed on an as-of day. Shared by the alert tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { generateMonth, plantAnomalies, type AnomalyType, type BankLayout, type PlantedAnomaly } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { db } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

/** The day after the generated month (2025-03): late withdrawals are a day or two in transit, nothing is 30 days overdue. */
export const ALERTS_AS_OF = "2025-04-01";

export async function monthWithAnomalies(ctx: OrgContext, options: { orders: number; seed: number; plant: readonly AnomalyType[]; bankLayout?: BankLayout }): Promise<{ planted: PlantedAnomaly[]; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alerts-month-"));
  const generated = await generateMonth({ orders: options.orders, seed: options.seed, outDir: dir, bankLayout: options.bankLayout });
  const { month, planted } = await plantAnomalies(generated, options.plant);
  await importGeneratedFiles(ctx, month);
  await runReconciliation(db, ctx, {}, getPgPool());
  const proposed = await db.matchGroup.findMany({ where: { orgId: ctx.orgId, status: "PROPOSED" }, select: { id: true } });
  await confirmProposals(db, ctx, proposed.map((group) => group.id));
  await refreshReceivablesAndRollups(getPgPool(), ctx.orgId);
  return { planted, dir };
}
