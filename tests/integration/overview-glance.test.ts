// The home page at a glance (lib/overview) on a generated month, imported through the importer,
// reconciled by a few runs (half the proposals confirmed, one order written off and waiting for
// approval) and rebuilt into OrderReceivable. Every figure is checked against plain SQL written here
// (over the rows, never the cube or the readers' own SQL) or the figure of the page the count links
// to; follow-ups and alerts are inserted by hand so their counts are known in advance. A second
// company with the same month, its own due follow-ups and open alerts must never show.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import type { AlertStatus, FollowUpState } from "@/lib/db/generated/enums";
import { getPgPool } from "@/lib/db/pg-pool";
import { generateMonth } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { groupSums } from "@/lib/match-review/list-groups";
import { unmatchedSums } from "@/lib/match-review/list-unmatched";
import { writeOffOrder } from "@/lib/match-review/write-off-order";
import { loadMonthGlance, type MonthGlance } from "@/lib/overview/month-glance";
import { listReceivables, receivableFilterSchema } from "@/lib/receivables/list-receivables";
import { loadReceivableQuery } from "@/lib/receivables/receivable-query";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

const MONTH = "2025-03";
const FIRST = "2025-03-01";
const LAST = "2025-03-31";
const AS_OF = "2025-04-20";
let outDir: string;
let owner: OrgContext;
let other: OrgContext;
let glance: MonthGlance;

async function importMonth(ctx: OrgContext, orders: number, seed: number) {
  const month = await generateMonth({ orders, seed, outDir: path.join(outDir, String(seed)) });
  await importGeneratedFiles(ctx, month);
  // Four runs, so the last three are a choice: everything, then store by store.
  await runReconciliation(db, ctx, {}, getPgPool());
  const stores = await db.store.findMany({ where: { orgId: ctx.orgId }, orderBy: { name: "asc" }, select: { id: true } });
  for (const store of [stores[0]!, stores[1]!, stores[0]!]) await runReconciliation(db, ctx, { storeId: store.id }, getPgPool());
  // Half the proposals confirmed (money arrives for those orders), half left open for the to-do list.
  const proposed = await db.matchGroup.findMany({ where: { orgId: ctx.orgId, status: "PROPOSED" }, select: { id: true }, orderBy: { id: "asc" } });
  await confirmProposals(db, ctx, proposed.filter((_, index) => index % 2 === 0).map((group) => group.id));
}

/** Writes off the first of the month's open orders nothing was settled for: a write-off waiting for approval. */
async function writeOffOne(ctx: OrgContext): Promise<void> {
  const candidates = await db.$queryRawUnsafe<{ storeId: string; orderNo: string }[]>(
    `SELECT "storeId", "orderNo" FROM "OrderReceivable" WHERE "orgId" = $1::uuid AND stage = 'OPEN' AND "settledMinor" = 0 AND "outstandingMinor" > 0
        AND day BETWEEN $2::date AND $3::date ORDER BY "orderNo" LIMIT 20`,
    ctx.orgId,
    FIRST,
    LAST,
  );
  for (const candidate of candidates) {
    const written = await writeOffOrder(db, ctx, { ...candidate, note: "无法收回" }).then(
      () => true,
      () => false,
    );
    if (written) return;
  }
  throw new Error("no order could be written off");
}

/** Follow-ups on orders nobody follows yet (the write-off made one), one per state and day given. */
async function followUps(ctx: OrgContext, plan: { state: FollowUpState; nextActionOn: string | null }[]): Promise<void> {
  const orders = await db.$queryRawUnsafe<{ storeId: string; orderNo: string }[]>(
    `SELECT r."storeId", r."orderNo" FROM "OrderReceivable" r WHERE r."orgId" = $1::uuid
        AND NOT EXISTS (SELECT 1 FROM "ReceivableFollowUp" f WHERE f."orgId" = r."orgId" AND f."storeId" = r."storeId" AND f."orderNo" = r."orderNo")
      ORDER BY r."storeId", r."orderNo" LIMIT $2`,
    ctx.orgId,
    plan.length,
  );
  await db.receivableFollowUp.createMany({
    data: plan.map((entry, index) => ({ orgId: ctx.orgId, storeId: orders[index]!.storeId, orderNo: orders[index]!.orderNo, state: entry.state, nextActionOn: entry.nextActionOn ? new Date(`${entry.nextActionOn}T00:00:00Z`) : null, updatedById: ctx.userId })),
  });
}

async function alerts(ctx: OrgContext, statuses: AlertStatus[]): Promise<void> {
  await db.alert.createMany({
    data: statuses.map((status) => ({ orgId: ctx.orgId, type: "DUPLICATE_ROW" as const, causeKey: `TEST:${randomUUID()}`, severity: "MEDIUM" as const, status, amountMinor: 100n, currency: "CNY", refs: [], facts: {} })),
  });
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "overview-glance-"));
  owner = await makeOrg("概览公司");
  other = await makeOrg("另一家公司");
  await importMonth(owner, 800, 41);
  await importMonth(other, 300, 43);
  await refreshReceivables(getPgPool(), owner.orgId);
  await writeOffOne(owner);
  await Promise.all([refreshReceivables(getPgPool(), owner.orgId), refreshReceivables(getPgPool(), other.orgId)]);
  // Due by AS_OF: the two before it and the one on it (open or in progress). Not due: a later day,
  // closed ones (resolved, uncollectible) however old, and one with no day. So 3.
  await followUps(owner, [
    { state: "OPEN", nextActionOn: "2025-04-01" },
    { state: "IN_PROGRESS", nextActionOn: "2025-04-19" },
    { state: "OPEN", nextActionOn: AS_OF },
    { state: "OPEN", nextActionOn: "2025-04-21" },
    { state: "RESOLVED", nextActionOn: "2025-04-02" },
    { state: "UNCOLLECTIBLE", nextActionOn: "2025-04-03" },
    { state: "IN_PROGRESS", nextActionOn: null },
  ]);
  await followUps(other, Array.from({ length: 5 }, () => ({ state: "OPEN" as const, nextActionOn: "2025-04-01" })));
  // Open: NEW and IN_PROGRESS, so 3 of the owner's; none of the other company's 4.
  await alerts(owner, ["NEW", "NEW", "IN_PROGRESS", "RESOLVED", "IGNORED"]);
  await alerts(other, ["NEW", "NEW", "NEW", "IN_PROGRESS"]);
  // A cancelled upload is newest, but is not an import the list shows.
  await db.importBatch.create({ data: { orgId: owner.orgId, status: "CANCELLED", fileName: "cancelled.csv", fileSha256: "0".repeat(64), fileSizeBytes: 10n, createdById: owner.userId } });
  glance = await loadMonthGlance(db, owner.orgId, MONTH, AS_OF);
}, 900_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const count = async (sql: string, ...params: unknown[]) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql, ...params))[0]!.n);

describe("the home page's to-do", () => {
  it("counts the month's open proposals and approvals as plain SQL and the workspace lists do", async () => {
    const groups = (status: string) => count(`SELECT count(*) AS n FROM "MatchGroup" WHERE "orgId" = $1::uuid AND status = $2::"MatchStatus" AND to_char(day, 'YYYY-MM') = $3`, owner.orgId, status, MONTH);
    const proposals = await groups("PROPOSED");
    const approvals = await groups("PENDING_APPROVAL");
    expect(proposals).toBeGreaterThan(0);
    expect(approvals).toBeGreaterThanOrEqual(1); // the write-off
    expect({ proposals: glance.summary.proposals, approvals: glance.summary.pendingApprovals }).toEqual({ proposals, approvals });
    expect((await groupSums(db, owner.orgId, ["PROPOSED"], { from: FIRST, to: LAST })).count).toBe(proposals);
    expect((await groupSums(db, owner.orgId, ["PENDING_APPROVAL"], { from: FIRST, to: LAST })).count).toBe(approvals);
  });

  it("counts the month's unmatched orders, lines and bank rows as the unmatched page's panes do", async () => {
    const pane = (list: "orders" | "lines" | "bank", slot: "up" | "down") => unmatchedSums(db, owner.orgId, list, slot, { from: FIRST, to: LAST });
    const [orders, lines, bank] = await Promise.all([pane("orders", "down"), pane("lines", "down"), pane("bank", "up")]);
    expect(orders.count + lines.count + bank.count).toBeGreaterThan(0);
    expect({ orders: glance.summary.orders.open, lines: glance.summary.lines, bank: glance.summary.bank }).toEqual({ orders, lines, bank });
  });

  it("counts follow-ups due by the as-of day (3 by hand), as the order list filtered on nextBy does", async () => {
    expect(glance.followUpsDue).toBe(3);
    const query = await loadReceivableQuery(db, owner.orgId, AS_OF);
    const page = await listReceivables(db, query, receivableFilterSchema.parse({ nextBy: AS_OF }));
    expect(page.totals.count).toBe(3);
    expect(page.rows.every((row) => row.nextActionOn !== null && row.nextActionOn <= AS_OF && (row.followState === "OPEN" || row.followState === "IN_PROGRESS"))).toBe(true);
    expect(
      await count(`SELECT count(*) AS n FROM "ReceivableFollowUp" WHERE "orgId" = $1::uuid AND "nextActionOn" <= $2::date AND state NOT IN ('RESOLVED', 'UNCOLLECTIBLE')`, owner.orgId, AS_OF),
    ).toBe(3);
  });

  it("counts open alerts by status: new and in progress, never resolved, ignored or another company's", async () => {
    expect(glance.openAlerts).toBe(3);
    expect((await loadMonthGlance(db, other.orgId, MONTH, AS_OF)).openAlerts).toBe(4);
    expect((await loadMonthGlance(db, other.orgId, MONTH, AS_OF)).followUpsDue).toBe(5);
  });
});

describe("the home page's money", () => {
  it("is the month's orders from the OrderReceivable rows: expected, received, outstanding, overdue on the as-of day", async () => {
    const [row] = await db.$queryRawUnsafe<{ orders: bigint; expected: bigint; received: bigint; outstanding: bigint; overdue: bigint; overdueOrders: bigint }[]>(
      `SELECT count(*) AS orders,
              SUM(CASE WHEN stage <> 'REFUNDED' THEN "paidMinor" - "refundMinor" - "commissionMinor" - "serviceFeeMinor" - "promotionMinor" - "otherFeesMinor" - "badDebtMinor" ELSE 0 END)::bigint AS expected,
              SUM("receivedMinor")::bigint AS received,
              SUM("outstandingMinor")::bigint AS outstanding,
              SUM(CASE WHEN aging AND "expectedOn" < $2::date THEN "outstandingMinor" ELSE 0 END)::bigint AS overdue,
              count(*) FILTER (WHERE aging AND "expectedOn" < $2::date) AS "overdueOrders"
         FROM "OrderReceivable" WHERE "orgId" = $1::uuid AND day >= $3::date AND day <= $4::date`,
      owner.orgId,
      AS_OF,
      FIRST,
      LAST,
    );
    const sums = row!;
    // Something of each, so the comparison means something.
    expect(sums.received).toBeGreaterThan(0n);
    expect(sums.overdue).toBeGreaterThan(0n);
    expect(sums.outstanding).toBeGreaterThan(sums.overdue);
    expect(glance.money).toEqual({
      from: FIRST,
      to: LAST,
      asOf: AS_OF,
      orders: Number(sums.orders),
      expectedMinor: sums.expected,
      receivedMinor: sums.received,
      outstandingMinor: sums.outstanding,
      overdueMinor: sums.overdue,
      overdueOrders: Number(sums.overdueOrders),
    });
  });
});

describe("the home page's recent work", () => {
  it("lists the last 5 imports (not a cancelled upload) with their file, target, rows and who", async () => {
    const expected = await db.$queryRawUnsafe<{ id: string; fileName: string; rowCount: number; target: string | null }[]>(
      `SELECT b.id, b."fileName", b."rowCount", COALESCE(s.name, a.name) AS target FROM "ImportBatch" b
         LEFT JOIN "Store" s ON s."orgId" = b."orgId" AND s.id = b."storeId"
         LEFT JOIN "FundAccount" a ON a."orgId" = b."orgId" AND a.id = b."fundAccountId"
        WHERE b."orgId" = $1::uuid AND b.status <> 'CANCELLED' ORDER BY b."createdAt" DESC, b.id DESC LIMIT 5`,
      owner.orgId,
    );
    expect(expected).toHaveLength(5);
    expect(glance.imports.map((batch) => ({ id: batch.id, fileName: batch.fileName, rowCount: batch.rows, target: batch.target }))).toEqual(expected);
    expect(glance.imports.every((batch) => batch.status === "COMMITTED" && batch.by === "Owner" && batch.inserted !== null && batch.inserted > 0)).toBe(true);
  });

  it("lists the last 3 runs with their counts and duration, as recorded", async () => {
    const expected = await db.$queryRawUnsafe<{ id: string; durationMs: number | null; autoConfirmed: number; proposed: number; unmatched: number }[]>(
      `SELECT id, "durationMs", (results->>'autoConfirmed')::int AS "autoConfirmed", (results->>'proposed')::int AS proposed,
              ((results->'unmatched'->>'orders')::int + (results->'unmatched'->>'settlement')::int + (results->'unmatched'->>'bank')::int) AS unmatched
         FROM "ReconciliationRun" WHERE "orgId" = $1::uuid ORDER BY "startedAt" DESC LIMIT 3`,
      owner.orgId,
    );
    expect(await count(`SELECT count(*) AS n FROM "ReconciliationRun" WHERE "orgId" = $1::uuid`, owner.orgId)).toBe(4);
    expect(glance.runs.map((run) => ({ id: run.id, durationMs: run.durationMs, autoConfirmed: run.autoConfirmed, proposed: run.proposed, unmatched: run.unmatched }))).toEqual(expected);
    expect(glance.runs.every((run) => run.status === "SUCCEEDED" && run.by === "Owner")).toBe(true);
  });

  it("never shows another company's imports or runs", async () => {
    const theirs = new Set([
      ...(await db.importBatch.findMany({ where: { orgId: other.orgId }, select: { id: true } })).map((batch) => batch.id),
      ...(await db.reconciliationRun.findMany({ where: { orgId: other.orgId }, select: { id: true } })).map((run) => run.id),
    ]);
    expect(theirs.size).toBeGreaterThan(0);
    expect([...glance.imports, ...glance.runs].filter((entry) => theirs.has(entry.id))).toEqual([]);
  });
});
