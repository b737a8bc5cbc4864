// Computes a company's alerts: runs each enabled rule's detector on one snapshot and turns what they
// found into Alert rows, one per (type, cause) — never two for the same cause:
// - a new cause is a NEW alert;
// - a known cause refreshes its rows, amount and facts; its status stays what people made it;
// - a RESOLVED alert whose cause had gone and is found again is NEW again (reopenCount + 1);
// - an open (NEW, IN_PROGRESS) alert whose cause is gone is RESOLVED by the system (closedById
//   null): the money came, the row was undone; a person's resolved or ignored alert stays closed.
// Everything, with one audit row naming what was raised, reopened and cleared, commits together.
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { todayIn } from "@/lib/receivables/receivable-query";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import type { AlertFinding } from "./alert-finding";
import { ALERT_DETECTORS } from "./alert-detectors";
import type { AlertDetector } from "./alert-detector";
import { loadAlertRules } from "./alert-rules";
import { alertRefsSchema } from "./alert-refs";
import type { AlertType } from "./alert-types";

export type ComputeAlertsResult = {
  asOf: string;
  found: number;
  raised: number;
  reopened: number;
  cleared: number;
  /** Milliseconds each detector took, by type (the benchmark prints them). */
  detectorMs: Partial<Record<AlertType, number>>;
  durationMs: number;
};

/** The audit row names at most this many alerts per change kind (the counts are always whole). */
const AUDITED_IDS = 200;
const MAX_CAUSE_KEY = 500;

type Existing = { id: string; type: AlertType; causeKey: string; status: string; causePresent: boolean };

async function runDetectors(tx: Tx, orgId: string, asOf: string) {
  const rules = await loadAlertRules(tx, orgId);
  const findings: AlertFinding[] = [];
  const ran: AlertType[] = [];
  const detectorMs: Partial<Record<AlertType, number>> = {};
  for (const rule of rules) {
    if (!rule.enabled) continue;
    // Every type has its detector (the registry's type says so); the cast only joins the union.
    const detector = ALERT_DETECTORS[rule.type] as AlertDetector;
    const started = performance.now();
    const found = await detector.detect(tx, { orgId, asOf, thresholds: rule.thresholds });
    detectorMs[rule.type] = Math.round(performance.now() - started);
    const keys = new Set<string>();
    for (const finding of found) {
      // A detector's own mistakes, caught before they could merge two causes or split one.
      if (finding.type !== rule.type) throw new Error(`${rule.type} detector returned a ${finding.type} finding`);
      if (keys.has(finding.causeKey)) throw new Error(`${rule.type} detector returned cause ${finding.causeKey} twice`);
      if (!finding.causeKey || finding.causeKey.length > MAX_CAUSE_KEY) throw new Error(`${rule.type} detector returned an unusable cause key`);
      if (finding.amountMinor < 0n) throw new Error(`${rule.type} detector returned a negative amount for ${finding.causeKey}`);
      alertRefsSchema.parse(finding.refs);
      keys.add(finding.causeKey);
      findings.push(finding);
    }
    ran.push(rule.type);
  }
  return { findings, ran, detectorMs };
}

/** Writes the findings: inserts new causes and refreshes known ones (their status is left as it is). */
async function upsertFindings(tx: Tx, orgId: string, findings: AlertFinding[]): Promise<void> {
  if (findings.length === 0) return;
  const rows = findings.map((f) => ({
    type: f.type,
    causeKey: f.causeKey,
    severity: f.severity,
    amount: f.amountMinor.toString(),
    currency: f.currency,
    storeId: f.storeId,
    fundAccountId: f.fundAccountId,
    day: f.day,
    refs: f.refs,
    facts: f.facts,
  }));
  await tx.$executeRawUnsafe(
    `INSERT INTO "Alert" (id, "orgId", type, "causeKey", severity, status, "amountMinor", currency, "storeId", "fundAccountId", day, refs, facts,
                          "causePresent", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt")
     SELECT uuidv7(), $1::uuid, f.type::"AlertType", f."causeKey", f.severity::"AlertSeverity", 'NEW', f.amount::bigint, f.currency,
            f."storeId"::uuid, f."fundAccountId"::uuid, f.day::date, f.refs, f.facts, true, now(), now(), now(), now()
       FROM jsonb_to_recordset($2::jsonb) AS f(type text, "causeKey" text, severity text, amount text, currency text, "storeId" text,
                                               "fundAccountId" text, day text, refs jsonb, facts jsonb)
     ON CONFLICT ("orgId", type, "causeKey") DO UPDATE SET
       severity = EXCLUDED.severity, "amountMinor" = EXCLUDED."amountMinor", currency = EXCLUDED.currency,
       "storeId" = EXCLUDED."storeId", "fundAccountId" = EXCLUDED."fundAccountId", day = EXCLUDED.day,
       refs = EXCLUDED.refs, facts = EXCLUDED.facts, "causePresent" = true, "lastSeenAt" = now(), "updatedAt" = now()`,
    orgId,
    JSON.stringify(rows),
  );
}

export async function computeAlerts(db: DbOrTx, orgId: string, options: { asOf?: string; now?: Date } = {}): Promise<ComputeAlertsResult> {
  const started = performance.now();
  return atomically(
    db,
    async (tx) => {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timezone: true } });
      const asOf = options.asOf && isCalendarDay(options.asOf) ? options.asOf : todayIn(org.timezone, options.now);
      const { findings, ran, detectorMs } = await runDetectors(tx, orgId, asOf);

      const existing = await tx.$queryRawUnsafe<Existing[]>(
        `SELECT id::text, type::text AS type, "causeKey", status::text AS status, "causePresent" FROM "Alert" WHERE "orgId" = $1::uuid AND type::text = ANY($2::text[])`,
        orgId,
        ran,
      );
      const known = new Map(existing.map((alert) => [`${alert.type}\u0000${alert.causeKey}`, alert]));
      const foundKeys = new Set(findings.map((f) => `${f.type}\u0000${f.causeKey}`));
      const raised = findings.filter((f) => !known.has(`${f.type}\u0000${f.causeKey}`));
      const reopened = existing.filter((a) => a.status === "RESOLVED" && !a.causePresent && foundKeys.has(`${a.type}\u0000${a.causeKey}`));
      const gone = existing.filter((a) => a.causePresent && !foundKeys.has(`${a.type}\u0000${a.causeKey}`));
      const cleared = gone.filter((a) => a.status === "NEW" || a.status === "IN_PROGRESS");

      await upsertFindings(tx, orgId, findings);
      if (reopened.length > 0) {
        await tx.$executeRawUnsafe(
          `UPDATE "Alert" SET status = 'NEW', "reopenCount" = "reopenCount" + 1, "closedAt" = NULL, "closedById" = NULL, "updatedAt" = now()
            WHERE "orgId" = $1::uuid AND id = ANY($2::uuid[])`,
          orgId,
          reopened.map((a) => a.id),
        );
      }
      if (gone.length > 0) {
        await tx.$executeRawUnsafe(
          `UPDATE "Alert" SET "causePresent" = false, "updatedAt" = now(),
                  status = CASE WHEN status IN ('NEW', 'IN_PROGRESS') THEN 'RESOLVED'::"AlertStatus" ELSE status END,
                  "closedAt" = CASE WHEN status IN ('NEW', 'IN_PROGRESS') THEN now() ELSE "closedAt" END,
                  "closedById" = CASE WHEN status IN ('NEW', 'IN_PROGRESS') THEN NULL ELSE "closedById" END
            WHERE "orgId" = $1::uuid AND id = ANY($2::uuid[])`,
          orgId,
          gone.map((a) => a.id),
        );
      }

      const refreshed = await tx.receivableRefresh.findUnique({ where: { orgId }, select: { refreshedAt: true } });
      const durationMs = Math.round(performance.now() - started);
      const computation = { computedAt: new Date(), asOf: new Date(`${asOf}T00:00:00Z`), receivablesRefreshedAt: refreshed?.refreshedAt ?? null, stale: false, durationMs };
      await tx.alertComputation.upsert({ where: { orgId }, create: { orgId, ...computation }, update: computation });

      if (raised.length + reopened.length + cleared.length > 0) {
        const newIds = raised.length
          ? await tx.alert.findMany({
              where: { orgId, OR: raised.slice(0, AUDITED_IDS).map((f) => ({ type: f.type, causeKey: f.causeKey })) },
              select: { id: true },
            })
          : [];
        await writeAuditLog(
          tx,
          { orgId, userId: null, userEmail: null },
          {
            action: "alerts.compute",
            entityType: "Alert",
            after: {
              asOf,
              raised: raised.length,
              reopened: reopened.length,
              cleared: cleared.length,
              raisedIds: newIds.map((a) => a.id),
              reopenedIds: reopened.slice(0, AUDITED_IDS).map((a) => a.id),
              clearedIds: cleared.slice(0, AUDITED_IDS).map((a) => a.id),
            },
          },
        );
      }
      return { asOf, found: findings.length, raised: raised.length, reopened: reopened.length, cleared: cleared.length, detectorMs, durationMs };
    },
    { timeout: 10 * 60_000 },
  );
}
