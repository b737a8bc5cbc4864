// Issue 20: a re-run reads the rows that may still have something left (the open-row cache,
// lib/match-runs/open-rows.ts) and the rows imported since, not the whole history — and answers
// exactly what a run over everything would; with nothing changed at all it reads nothing and the
// last answer stands. Checked on a generated month imported in two parts:
// - the rows a run reads contain every row that plain SQL finds open (amount beyond what counting
//   groups took, on some side of it) and every row imported since, and are far fewer than all rows;
// - each re-run's groups (keys and statuses) are the engine's answer over the WHOLE history loaded
//   the old way, also after a person reverses or rejects a group and after an exclusion is removed.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { describeFundAccounts, describeStores, generateMonth, type GeneratedFile, type GeneratedMonth } from "@/lib/generate";
import { importGeneratedFileList } from "./generated-month";
import { reconcile } from "@/lib/match-engine";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { rejectProposals } from "@/lib/match-review/decide-proposals";
import { excludeRows, restoreRows } from "@/lib/match-review/exclusions";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { loadReconcileInput, loadRunInput } from "@/lib/match-runs/load-reconcile-input";
import { contextKeyOf, planLoad, readLoadState } from "@/lib/match-runs/open-rows";
import { runReconciliation, type RunSummary } from "@/lib/match-runs/run-reconciliation";
import { createStore } from "@/lib/stores/store-service";
import { db, makeOrg } from "./fixtures";

let outDir: string;
let owner: OrgContext;
let month: GeneratedMonth;
let later: GeneratedFile[];


type Sides = { order: Set<string>; settlement: Set<string>; bank: Set<string> };

/**
 * Rows with something left on a side, in plain SQL written for this test: a side's amount is the
 * row's |amount|; orders have only their DOWN side, bank-account rows only UP, bill and wallet
 * lines both. What counting groups (CONFIRMED, PENDING_APPROVAL) took is summed per side.
 */
async function openRowsBySql(orgId: string): Promise<Sides> {
  const spent = (side: string) => `
    SELECT i."rowId", sum(abs(i."amountMinor")) FILTER (WHERE i.slot = 'UP') AS up, sum(abs(i."amountMinor")) FILTER (WHERE i.slot = 'DOWN') AS down
      FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
     WHERE i."orgId" = $1 AND i.side = '${side}' AND g.status IN ('CONFIRMED', 'PENDING_APPROVAL') GROUP BY i."rowId"`;
  // Which rows have an upstream side: bank-account rows, withdrawals (bill WITHDRAWAL lines, wallet
  // 提现), and lines that carry an order number (or were booked against an order some other way).
  const hasUp = {
    line: `(l."lineType" = 'WITHDRAWAL' OR l."orderNo" IS NOT NULL OR s.up IS NOT NULL)`,
    bank: `(a.type = 'BANK' OR (b."amountMinor" < 0 AND b.memo LIKE '%提现%') OR b."merchantOrderNo" IS NOT NULL OR s.up IS NOT NULL)`,
  };
  const notExcluded = (side: string, alias: string) => `NOT EXISTS (SELECT 1 FROM "ExcludedRow" x WHERE x."orgId" = $1 AND x.side = '${side}' AND x."rowId" = ${alias}.id)`;
  const orders = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT o.id FROM "Order" o LEFT JOIN (${spent("ORDER")}) s ON s."rowId" = o.id
      WHERE o."orgId" = $1 AND ${notExcluded("ORDER", "o")} AND abs(o."paidAmountMinor") > coalesce(s.down, 0)`,
    orgId,
  );
  const lines = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT l.id FROM "SettlementLine" l LEFT JOIN (${spent("SETTLEMENT")}) s ON s."rowId" = l.id
      WHERE l."orgId" = $1 AND ${notExcluded("SETTLEMENT", "l")}
        AND ((${hasUp.line} AND abs(l."amountMinor") > coalesce(s.up, 0)) OR abs(l."amountMinor") > coalesce(s.down, 0))`,
    orgId,
  );
  const bank = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT b.id FROM "BankTransaction" b JOIN "FundAccount" a ON a."orgId" = b."orgId" AND a.id = b."fundAccountId" LEFT JOIN (${spent("BANK")}) s ON s."rowId" = b.id
      WHERE b."orgId" = $1 AND ${notExcluded("BANK", "b")}
        AND ((${hasUp.bank} AND abs(b."amountMinor") > coalesce(s.up, 0)) OR (a.type <> 'BANK' AND abs(b."amountMinor") > coalesce(s.down, 0)))`,
    orgId,
  );
  const ids = (rows: { id: bigint }[]) => new Set(rows.map((row) => row.id.toString()));
  return { order: ids(orders), settlement: ids(lines), bank: ids(bank) };
}

async function totals(orgId: string): Promise<{ orders: number; settlement: number; bank: number }> {
  const [orders, settlement, bank] = await Promise.all([db.order.count({ where: { orgId } }), db.settlementLine.count({ where: { orgId } }), db.bankTransaction.count({ where: { orgId } })]);
  return { orders, settlement, bank };
}

/** What the next run will read, by the same plan it will make (the state does not change in between). */
async function nextLoad(ctx: OrgContext) {
  const rules = await getOrgRules(db, ctx.orgId);
  const [accounts, stores] = await Promise.all([
    db.fundAccount.findMany({ where: { orgId: ctx.orgId }, select: { id: true, type: true } }),
    db.store.findMany({ where: { orgId: ctx.orgId }, select: { id: true, platform: true } }),
  ]);
  const plan = planLoad(await readLoadState(db, ctx.orgId), contextKeyOf(rules.version, accounts, stores), rules);
  if (!("incremental" in plan)) throw new Error(`the next run would load everything (${plan.full})`);
  const { input } = await loadRunInput(getPgPool(), ctx.orgId, {}, { incremental: plan.incremental });
  return {
    order: new Set(input.orders.map((row) => row.id)),
    settlement: new Set(input.settlementLines.map((row) => row.id)),
    bank: new Set(input.bankTransactions.map((row) => row.id)),
  };
}

/** The engine over the whole history, loaded the old way: key → the status a run would save. */
async function fullAnswer(ctx: OrgContext): Promise<Map<string, string>> {
  const rules = await getOrgRules(db, ctx.orgId);
  const result = reconcile(await loadReconcileInput(getPgPool(), ctx.orgId), rules);
  return new Map(result.proposals.map((proposal) => [proposal.key, proposal.autoConfirm ? "CONFIRMED" : "PROPOSED"]));
}

async function groupsOfRun(summary: RunSummary): Promise<Map<string, string>> {
  const groups = await db.matchGroup.findMany({ where: { orgId: owner.orgId, runId: summary.runId }, select: { key: true, status: true } });
  return new Map(groups.map((group) => [group.key, group.status]));
}

async function inputCounts(summary: RunSummary) {
  const run = await db.reconciliationRun.findFirstOrThrow({ where: { orgId: owner.orgId, id: summary.runId } });
  return run.inputCounts as { orders: number; settlement: number; bank: number };
}

function expectContains(loaded: Sides, wanted: Sides) {
  for (const side of ["order", "settlement", "bank"] as const) {
    const missing = [...wanted[side]].filter((id) => !loaded[side].has(id));
    expect(missing, `${side} rows missing from the load`).toEqual([]);
  }
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "rerun-open-rows-"));
  owner = await makeOrg("增量对账公司");
  month = await generateMonth({ orders: 1200, seed: 53, outDir });
  for (const store of describeStores()) {
    await createStore(db, owner, { name: store.name, platform: store.platform, currency: store.currency, settlementTermsDays: store.settlementTermsDays, feeRatePercent: store.feeRateBps });
  }
  for (const { key: _key, ...account } of describeFundAccounts()) await createFundAccount(db, owner, account);
  // Later imports: Douyin's orders (new orders whose payouts are already in the bank) and PDD's bill
  // (new lines whose orders were there, some booked already).
  later = month.files.filter((file) => file.name.startsWith("douyin-orders") || file.name.startsWith("pdd-ledger"));
  expect(later.length).toBe(2);
  await importGeneratedFileList(
    owner,
    month.files.filter((file) => !later.includes(file)),
  );
}, 600_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe("a re-run reads what is open and what is new", () => {
  let first: RunSummary;

  it("a first run reads everything; a re-run with nothing new reads only open rows and proposes the same groups", async () => {
    first = await runReconciliation(db, owner, {}, getPgPool());
    expect(first.load).toMatchObject({ incremental: false, fullBecause: "NO_STATE" });
    expect(await inputCounts(first)).toEqual(await totals(owner.orgId));

    const open = await openRowsBySql(owner.orgId);
    const loaded = await nextLoad(owner);
    expectContains(loaded, open);
    // The groups the first run left open.
    const firstProposed = [...(await groupsOfRun(first))].filter(([, status]) => status === "PROPOSED").map(([key]) => key).sort();
    expect(firstProposed.length).toBeGreaterThan(0);
    const standing = async () => (await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED" }, select: { key: true } })).map((g) => g.key).sort();

    // Nothing at all changed: the run reads nothing, the first run's answer stands.
    const unchanged = await runReconciliation(db, owner, {}, getPgPool());
    expect(unchanged.load.unchangedSince).toBe(first.runId);
    expect(await inputCounts(unchanged)).toEqual({ orders: 0, settlement: 0, bank: 0 });
    expect(await standing()).toEqual(firstProposed);

    // Something changed that alters no answer (counted all the same): the run reads the open rows.
    await db.reconcileLoadState.update({ where: { orgId: owner.orgId }, data: { changes: { increment: 1 } } });
    const expected = await fullAnswer(owner);
    const second = await runReconciliation(db, owner, {}, getPgPool());
    expect(second.load.incremental).toBe(true);
    expect(second.load.unchangedSince).toBeUndefined();
    const counts = await inputCounts(second);
    expect(counts).toEqual({ orders: loaded.order.size, settlement: loaded.settlement.size, bank: loaded.bank.size });
    const all = await totals(owner.orgId);
    // A small generated month leaves many rows open (orders not yet settled, the bank's other
    // business): the load is the open rows and a few closed ones the passes look at.
    const openCount = open.order.size + open.settlement.size + open.bank.size;
    const loadedCount = counts.orders + counts.settlement + counts.bank;
    expect(loadedCount).toBeLessThan(all.orders + all.settlement + all.bank - openCount / 2);
    console.log(`re-run read ${loadedCount} rows: ${openCount} open by SQL, ${all.orders + all.settlement + all.bank} in all`);
    expect(await groupsOfRun(second)).toEqual(expected);
    // The same groups as the first run left open.
    expect([...(await groupsOfRun(second)).keys()].sort()).toEqual(firstProposed);
    expect(second.autoConfirmed).toBe(0);
  });

  it("after an import, reads the open rows and the new ones, and answers as a full run", async () => {
    const before = await openRowsBySql(owner.orgId);
    const maxOrder = (await db.order.aggregate({ where: { orgId: owner.orgId }, _max: { id: true } }))._max.id ?? 0n;
    await importGeneratedFileList(owner, later);
    const fresh = await db.order.findMany({ where: { orgId: owner.orgId, id: { gt: maxOrder } }, select: { id: true } });
    expect(fresh.length).toBeGreaterThan(0);
    const loaded = await nextLoad(owner);
    expectContains(loaded, { ...before, order: new Set([...before.order, ...fresh.map((row) => row.id.toString())]) });
    const expected = await fullAnswer(owner);
    const run = await runReconciliation(db, owner, {}, getPgPool());
    expect(run.load.incremental).toBe(true);
    expect(await inputCounts(run)).toEqual({ orders: loaded.order.size, settlement: loaded.settlement.size, bank: loaded.bank.size });
    const all = await totals(owner.orgId);
    expect(loaded.order.size).toBeLessThan(all.orders);
    expect(await groupsOfRun(run)).toEqual(expected);
    expect(run.autoConfirmed).toBeGreaterThan(0);
  });

  it("rows a person opens again (reversal, rejection, exclusion removed) come back, and the answer stays a full run's", async () => {
    const confirmed = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "CONFIRMED" }, select: { id: true }, orderBy: { id: "asc" }, take: 3 });
    const proposed = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED" }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    expect(confirmed.length).toBe(3);
    await reverseMatches(db, owner, confirmed.map((group) => group.id), "测试：撤销");
    if (proposed.length > 0) await rejectProposals(db, owner, proposed.map((group) => group.id));
    const reopened = await nextLoad(owner);
    expectContains(reopened, await openRowsBySql(owner.orgId));
    const reversedRows = await db.matchItem.findMany({ where: { orgId: owner.orgId, groupId: { in: confirmed.map((group) => group.id) } }, select: { side: true, rowId: true } });
    expect(reversedRows.length).toBeGreaterThan(0);
    for (const item of reversedRows) expect(reopened[item.side === "ORDER" ? "order" : item.side === "SETTLEMENT" ? "settlement" : "bank"].has(item.rowId.toString())).toBe(true);
    const expectedAfterReversal = await fullAnswer(owner);
    const afterReversal = await runReconciliation(db, owner, {}, getPgPool());
    expect(afterReversal.load.incremental).toBe(true);
    expect(await groupsOfRun(afterReversal)).toEqual(expectedAfterReversal);

    // An open bank row marked, a run, the mark removed: the row is read again.
    const untouched = await db.$queryRawUnsafe<{ id: bigint }[]>(
      `SELECT b.id FROM "BankTransaction" b WHERE b."orgId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM "MatchItem" i WHERE i."orgId" = b."orgId" AND i.side = 'BANK' AND i."rowId" = b.id) ORDER BY b.id LIMIT 1`,
      owner.orgId,
    );
    const bankRow = untouched[0]!.id.toString();
    expect((await openRowsBySql(owner.orgId)).bank.has(bankRow)).toBe(true);
    await excludeRows(db, owner, { rows: [{ side: "bank", id: bankRow }], reason: "OTHER", note: "测试" });
    const expectedWhileExcluded = await fullAnswer(owner);
    const whileExcluded = await runReconciliation(db, owner, {}, getPgPool());
    expect(whileExcluded.load.incremental).toBe(true);
    expect(await groupsOfRun(whileExcluded)).toEqual(expectedWhileExcluded);
    await restoreRows(db, owner, [{ side: "bank", id: bankRow }]);
    const loaded = await nextLoad(owner);
    expectContains(loaded, await openRowsBySql(owner.orgId));
    expect(loaded.bank.has(bankRow)).toBe(true);
    const expected = await fullAnswer(owner);
    const run = await runReconciliation(db, owner, {}, getPgPool());
    expect(run.load.incremental).toBe(true);
    expect(await groupsOfRun(run)).toEqual(expected);
  });

  it("a refund line arriving after its order was booked brings the order into the load", async () => {
    // A booked bill group's order and line (PDD's bill names orders by number).
    const [booked] = await db.$queryRawUnsafe<{ orderId: bigint; orderNo: string; storeId: string }[]>(
      `SELECT o.id AS "orderId", o."orderNo", o."storeId" FROM "MatchGroup" g JOIN "MatchItem" i ON i."orgId" = g."orgId" AND i."groupId" = g.id AND i.side = 'ORDER'
         JOIN "Order" o ON o."orgId" = i."orgId" AND o.id = i."rowId"
        WHERE g."orgId" = $1::uuid AND g.status = 'CONFIRMED' AND g.link = 'ORDER_SETTLEMENT'
          AND EXISTS (SELECT 1 FROM "SettlementLine" l WHERE l."orgId" = o."orgId" AND l."orderNo" = o."orderNo") ORDER BY o.id LIMIT 1`,
      owner.orgId,
    );
    expect(booked).toBeDefined();
    expect((await openRowsBySql(owner.orgId)).order.has(booked!.orderId.toString())).toBe(false);
    await db.settlementLine.create({
      data: { orgId: owner.orgId, storeId: booked!.storeId, batchId: randomUUID(), sourceRow: 1, lineType: "REFUND", orderNo: booked!.orderNo, amountMinor: -100n, currency: "CNY", occurredOn: new Date("2025-03-30T00:00:00Z"), naturalKey: randomUUID() },
    });
    const loaded = await nextLoad(owner);
    expect(loaded.order.has(booked!.orderId.toString())).toBe(true);
    const expected = await fullAnswer(owner);
    const run = await runReconciliation(db, owner, {}, getPgPool());
    expect(run.load.incremental).toBe(true);
    expect(run.load.namedOrders).toBeGreaterThanOrEqual(1);
    expect(await groupsOfRun(run)).toEqual(expected);
  });

  it("a store's settings changed or a scoped run in between: the next run does not stand on the last answer", async () => {
    await runReconciliation(db, owner, {}, getPgPool());
    const answered = (await db.reconcileLoadState.findUniqueOrThrow({ where: { orgId: owner.orgId } })).runId;
    expect((await runReconciliation(db, owner, {}, getPgPool())).load.unchangedSince).toBe(answered);
    const store = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId }, orderBy: { id: "asc" } });
    await db.store.update({ where: { orgId_id: { orgId: owner.orgId, id: store.id } }, data: { feeRateBps: store.feeRateBps + 10 } });
    const afterStore = await runReconciliation(db, owner, {}, getPgPool());
    expect(afterStore.load.unchangedSince).toBeUndefined();
    expect(afterStore.load.incremental).toBe(true);

    // A run over some days reads part of the bills and statements: it keeps the watermarks where
    // they were, and the run after it does not take its answer for the last unscoped one.
    const state = await db.reconcileLoadState.findUniqueOrThrow({ where: { orgId: owner.orgId } });
    const dated = await runReconciliation(db, owner, { from: "2025-03-10", to: "2025-03-12" }, getPgPool());
    expect(dated.load.unchangedSince).toBeUndefined();
    const after = await db.reconcileLoadState.findUniqueOrThrow({ where: { orgId: owner.orgId } });
    expect({ runId: after.runId, order: after.orderMaxId, bank: after.bankMaxId }).toEqual({ runId: state.runId, order: state.orderMaxId, bank: state.bankMaxId });
    const expected = await fullAnswer(owner);
    const next = await runReconciliation(db, owner, {}, getPgPool());
    expect(next.load.unchangedSince).toBeUndefined();
    expect(await groupsOfRun(next)).toEqual(expected);
  });

  it("a rules change makes the next run read everything", async () => {
    await db.reconcileRuleSet.upsert({ where: { orgId: owner.orgId }, create: { orgId: owner.orgId, rules: {} }, update: { version: { increment: 1 } } });
    const run = await runReconciliation(db, owner, {}, getPgPool());
    expect(run.load).toMatchObject({ incremental: false, fullBecause: "CONTEXT_CHANGED" });
    expect(await inputCounts(run)).toEqual(await totals(owner.orgId));
  });
});
