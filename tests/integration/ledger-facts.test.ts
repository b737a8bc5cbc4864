// The ledger facts of lib/ledger, SQL against TypeScript on hand-made rows: which groups count, what
// a row has left, which day an order and which month a group belongs to — as the workspace's lists,
// its month close, the run's loader and the run's locked-month filter each see them. If one reader
// drifts from the others, the books of a closed month stop meaning one thing.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { MatchStatus } from "@/lib/db/generated/enums";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { groupMonth, orderBusinessDay, orderBusinessDaySql } from "@/lib/ledger/business-day";
import { countingStatusSql, isCounting } from "@/lib/ledger/counting-groups";
import { rowRemaining } from "@/lib/ledger/row-remaining";
import { defaultRules, type MatchProposal } from "@/lib/match-engine";
import { loadReconcileInput } from "@/lib/match-runs/load-reconcile-input";
import { skipLockedMonths } from "@/lib/match-runs/skip-locked-months";
import { createStore } from "@/lib/stores/store-service";
import { loadAllocations } from "@/lib/match-review/allocations";
import { listPeriods } from "@/lib/match-review/list-periods";
import { listUnmatched, unmatchedFilterSchema } from "@/lib/match-review/list-unmatched";
import { countPendingApprovals } from "@/lib/match-review/periods";
import { loadRowFacts } from "@/lib/match-review/row-facts";
import { ACCOUNT_INPUT, STORE_INPUT, db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

const rules = defaultRules();
const at = (text: string) => new Date(`${text}Z`);

async function makeLedger() {
  const owner = await makeOrg("账本事实测试");
  const orgId = owner.orgId;
  const store = await createStore(db, owner, STORE_INPUT);
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  const batchId = (await db.importBatch.create({ data: { orgId, status: "COMMITTED", fileName: "账本.csv", fileSha256: randomUUID(), fileSizeBytes: 1n } })).id;
  let sourceRow = 1;
  const order = async (orderNo: string, paidMinor: bigint, dates: { orderedAt?: string; paidAt?: string; confirmedAt?: string }) =>
    (
      await db.order.create({
        data: {
          orgId,
          storeId: store.id,
          batchId,
          sourceRow: ++sourceRow,
          orderNo,
          paidAmountMinor: paidMinor,
          currency: "CNY",
          naturalKey: orderNo,
          orderedAt: dates.orderedAt ? at(dates.orderedAt) : null,
          paidAt: dates.paidAt ? at(dates.paidAt) : null,
          confirmedAt: dates.confirmedAt ? at(dates.confirmedAt) : null,
        },
      })
    ).id;
  const line = async (amountMinor: bigint, occurredOn: string, orderNo: string) =>
    (
      await db.settlementLine.create({
        data: { orgId, storeId: store.id, batchId, sourceRow: ++sourceRow, lineType: "SALE", amountMinor, currency: "CNY", occurredOn: at(`${occurredOn}T00:00:00`), naturalKey: randomUUID(), orderNo },
      })
    ).id;
  const bankRow = async (amountMinor: bigint, occurredOn: string) =>
    (
      await db.bankTransaction.create({
        data: { orgId, fundAccountId: bank.id, batchId, sourceRow: ++sourceRow, amountMinor, currency: "CNY", occurredOn: at(`${occurredOn}T00:00:00`), naturalKey: randomUUID() },
      })
    ).id;
  type Item = { side: "ORDER" | "SETTLEMENT" | "BANK"; rowId: bigint; slot: "UP" | "DOWN"; amountMinor: bigint };
  const group = async (status: MatchStatus, items: Item[]) =>
    db.matchGroup.create({ data: { orgId, key: randomUUID(), kind: "MANUAL", status, pass: 1, rule: "ORDER_NO", link: "ORDER_SETTLEMENT", confidence: 100, items: { create: items } } });
  return { owner, orgId, order, line, bankRow, group };
}

describe("ledger facts, SQL against TypeScript", () => {
  it("puts an order on the day it was paid, else ordered, else confirmed, in SQL and in the run's loader", async () => {
    const ledger = await makeLedger();
    await ledger.order("PAID", 100n, { orderedAt: "2025-02-28T23:00:00", paidAt: "2025-03-01T00:10:00", confirmedAt: "2025-03-09T12:00:00" });
    await ledger.order("UNPAID", 100n, { orderedAt: "2025-01-31T22:00:00", confirmedAt: "2025-02-03T08:00:00" });
    await ledger.order("CONFIRMED-ONLY", 100n, { confirmedAt: "2025-02-10T08:00:00" });
    await ledger.order("UNDATED", 100n, {});

    const inSql = await db.$queryRawUnsafe<{ orderNo: string; day: string | null }[]>(
      `SELECT o."orderNo", to_char(${orderBusinessDaySql("o")}, 'YYYY-MM-DD') AS day FROM "Order" o WHERE o."orgId" = $1::uuid`,
      ledger.orgId,
    );
    const loaded = await loadReconcileInput(getPgPool(), ledger.orgId);
    const inRun = new Map(loaded.orders.map((order) => [order.orderNo, orderBusinessDay(order) ?? null]));
    expect(Object.fromEntries(inSql.map((row) => [row.orderNo, row.day]))).toEqual({
      PAID: "2025-03-01",
      UNPAID: "2025-01-31",
      "CONFIRMED-ONLY": "2025-02-10",
      UNDATED: null,
    });
    for (const row of inSql) expect(inRun.get(row.orderNo), row.orderNo).toBe(row.day);
  });

  it("counts the same groups in SQL, in TypeScript, in what a run treats as spent and in what a row has left", async () => {
    const ledger = await makeLedger();
    const orderId = await ledger.order("T-1", 10_000n, { paidAt: "2025-03-05T10:00:00" });
    // One group of every status, each taking a different amount of the order, so the sum says which counted.
    const taken: Record<MatchStatus, bigint> = { PROPOSED: 1n, PENDING_APPROVAL: 20n, CONFIRMED: 300n, REJECTED: 4_000n, REVERSED: 5_000n };
    for (const status of Object.values(MatchStatus)) await ledger.group(status, [{ side: "ORDER", rowId: orderId, slot: "DOWN", amountMinor: taken[status] }]);

    const inSql = await db.$queryRawUnsafe<{ status: MatchStatus; counts: boolean }[]>(
      `SELECT status, ${countingStatusSql("status")} AS counts FROM "MatchGroup" WHERE "orgId" = $1::uuid`,
      ledger.orgId,
    );
    expect(inSql).toHaveLength(5);
    for (const row of inSql) expect(row.counts, row.status).toBe(isCounting(row.status));

    const countingTaken = Object.values(MatchStatus)
      .filter((status) => isCounting(status))
      .reduce((sum, status) => sum + taken[status], 0n);
    expect(countingTaken).toBe(320n);
    const spent = (await loadReconcileInput(getPgPool(), ledger.orgId)).spent!;
    expect(Array.from(spent.amountMinor.subarray(0, spent.count)).reduce((sum, amount) => sum + BigInt(amount), 0n)).toBe(countingTaken);

    const allocations = await loadAllocations(db, ledger.orgId, [{ side: "order", id: orderId.toString() }]);
    expect(allocations.get(`order:${orderId}:down`)).toBe(countingTaken);
    const left = rowRemaining(10_000n, countingTaken);
    const list = await listUnmatched(db, ledger.orgId, "orders", "down", unmatchedFilterSchema.parse({}), rules);
    const oneRow = await listUnmatched(db, ledger.orgId, "orders", "down", { ...unmatchedFilterSchema.parse({}), row: { side: "order", id: orderId.toString() } }, rules);
    expect(list.rows.map((row) => row.remainingMinor)).toEqual([left]);
    expect(oneRow.rows.map((row) => row.remainingMinor)).toEqual([left]);
  });

  it("counts a row as open in the month list exactly when it has something left", async () => {
    const ledger = await makeLedger();
    const open = await ledger.order("OPEN", 10_000n, { paidAt: "2025-03-05T10:00:00" });
    const spent = await ledger.order("SPENT", 10_000n, { paidAt: "2025-03-06T10:00:00" });
    await ledger.group("CONFIRMED", [{ side: "ORDER", rowId: open, slot: "DOWN", amountMinor: 9_999n }]);
    await ledger.group("PENDING_APPROVAL", [{ side: "ORDER", rowId: spent, slot: "DOWN", amountMinor: 10_000n }]);
    const [march] = await listPeriods(db, ledger.orgId);
    expect(march).toMatchObject({ month: "2025-03", openOrders: 1 });
  });

  it("puts a group in the same month for a run and for the workspace: that of its latest row", async () => {
    const ledger = await makeLedger();
    // Ordered on the last day of January, never paid (the export has no pay time), receipt confirmed
    // in February; its bill line is booked on January 31st. The group is January's.
    const orderId = await ledger.order("T-UNPAID", 5_000n, { orderedAt: "2025-01-31T22:00:00", confirmedAt: "2025-02-03T08:00:00" });
    const lineId = await ledger.line(5_000n, "2025-01-31", "T-UNPAID");
    await ledger.group("PENDING_APPROVAL", [
      { side: "ORDER", rowId: orderId, slot: "DOWN", amountMinor: -5_000n },
      { side: "SETTLEMENT", rowId: lineId, slot: "UP", amountMinor: 5_000n },
    ]);
    const refs = [
      { side: "order" as const, id: orderId.toString() },
      { side: "settlement" as const, id: lineId.toString() },
    ];

    const facts = await loadRowFacts(db, ledger.orgId, refs, rules, { lock: false });
    const workspaceMonth = groupMonth([...facts.values()].map((fact) => fact.day));
    expect(workspaceMonth).toBe("2025-01");
    expect(await countPendingApprovals(db, ledger.orgId, "2025-01")).toBe(1);
    expect(await countPendingApprovals(db, ledger.orgId, "2025-02")).toBe(0);

    // The run sees the same rows and drops a proposal of them when January is locked.
    const input = await loadReconcileInput(getPgPool(), ledger.orgId);
    const proposal = { key: "k", items: refs.map((ref) => ({ ...ref, amountMinor: 5_000n })) } as unknown as MatchProposal;
    expect(skipLockedMonths(input, [proposal], new Set(["2025-01"]))).toMatchObject({ kept: [], skipped: 1 });
    expect(skipLockedMonths(input, [proposal], new Set(["2025-02"]))).toMatchObject({ kept: [proposal], skipped: 0 });
  });
});
