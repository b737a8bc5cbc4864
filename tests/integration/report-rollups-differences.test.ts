// 差异汇总's rollups (lib/reports/rollups/unmatched-rollup.ts, adjustment-rollup.ts) against the rows
// they are built from, on a generated month imported and reconciled: what is still unmatched, per
// list, for a period, a month, each store and each account, equals the workspace's own count
// (unmatchedSums); the adjustments per day, store, type and accounts equal the adjustments of
// counting groups read through Prisma with their stores worked out in TypeScript. Both again after a
// person books a match (the order leaves the open orders, the receipt has less left, an OTHER
// difference appears) and after it is reversed (back to the figures before), each time once the
// rebuild has run — and not before: the report reads the rollup, as fresh as the receivables.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { generateMonth } from "@/lib/generate";
import type { Slot } from "@/lib/match-engine";
import { filteredUnmatchedSql, unmatchedSums, type UnmatchedList } from "@/lib/match-review/list-unmatched";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { unmatchedRollupSums, UNMATCHED_ROLLUP_LISTS } from "@/lib/reports/rollups/unmatched-rollup";
import { db, fillGroupFacts, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

const PERIODS = [
  { from: "2020-01-01", to: "2030-12-31" },
  { from: "2025-03-01", to: "2025-03-31" },
  { from: "2025-02-10", to: "2025-04-20" },
];
let owner: OrgContext;
let other: OrgContext;
let outDir: string;

async function importMonth(ctx: OrgContext, orders: number, seed: number) {
  const month = await generateMonth({ orders, seed, outDir });
  await importGeneratedFiles(ctx, month);
}

/** The owners a list can be narrowed to: none, each store (orders, bill lines), each account of its kind (wallet or bank rows). */
async function ownersOf(orgId: string, list: UnmatchedList): Promise<(string | undefined)[]> {
  const stores = (await db.store.findMany({ where: { orgId }, select: { id: true } })).map((store) => store.id);
  const accounts = await db.fundAccount.findMany({ where: { orgId }, select: { id: true, type: true } });
  const wallets = accounts.filter((account) => account.type !== "BANK").map((account) => account.id);
  const banks = accounts.filter((account) => account.type === "BANK").map((account) => account.id);
  if (list === "orders") return [undefined, ...stores];
  if (list === "lines") return [undefined, ...stores, ...wallets];
  return [undefined, ...banks];
}

type Sums = { count: number; remainingMinor: bigint };
const key = (list: string, period: { from: string }, owner?: string) => `${list} ${period.from} ${owner ?? "-"}`;

/** Every list × period × owner: the rollup's sums beside the workspace's own (unmatchedSums). */
async function bothSums(orgId: string): Promise<{ rollup: Map<string, Sums>; live: Map<string, Sums> }> {
  const rollup = new Map<string, Sums>();
  const live = new Map<string, Sums>();
  for (const { list, slot } of UNMATCHED_ROLLUP_LISTS) {
    for (const ownerId of await ownersOf(orgId, list)) {
      for (const period of PERIODS) {
        rollup.set(key(list, period, ownerId), await unmatchedRollupSums(db, orgId, list, slot, { ...period, owner: ownerId }));
        live.set(key(list, period, ownerId), await unmatchedSums(db, orgId, list, slot, { ...period, owner: ownerId, min: undefined, max: undefined, q: undefined }));
      }
    }
  }
  return { rollup, live };
}

/** The adjustments of counting groups by day, store, type and accounts, worked out from Prisma reads. */
async function adjustmentsFromPrisma(orgId: string): Promise<Map<string, { count: number; amount: bigint; pendingCount: number; pending: bigint }>> {
  const groups = await db.matchGroup.findMany({ where: { orgId, status: { in: ["CONFIRMED", "PENDING_APPROVAL"] } }, include: { adjustments: true } });
  const storeOfRow = async (side: string | null, id: bigint | null) => {
    if (side === "ORDER") return (await db.order.findFirst({ where: { orgId, id: id! } }))?.storeId ?? null;
    if (side === "SETTLEMENT") return (await db.settlementLine.findFirst({ where: { orgId, id: id! } }))?.storeId ?? null;
    return null;
  };
  const expected = new Map<string, { count: number; amount: bigint; pendingCount: number; pending: bigint }>();
  for (const group of groups) {
    if (!group.day) continue;
    for (const adjustment of group.adjustments) {
      const storeId = group.storeIds.length === 1 ? group.storeIds[0]! : await storeOfRow(adjustment.aboutSide, adjustment.aboutRowId);
      const entry = `${group.day.toISOString().slice(0, 10)} ${storeId ?? "-"} ${adjustment.type} ${[...group.fundAccountIds].sort().join(",")}`;
      const sums = expected.get(entry) ?? { count: 0, amount: 0n, pendingCount: 0, pending: 0n };
      sums.count += 1;
      sums.amount += adjustment.amountMinor;
      if (group.status === "PENDING_APPROVAL") {
        sums.pendingCount += 1;
        sums.pending += adjustment.amountMinor;
      }
      expected.set(entry, sums);
    }
  }
  return expected;
}

async function adjustmentRollup(orgId: string) {
  const rows = await db.adjustmentRollup.findMany({ where: { orgId } });
  const actual = new Map<string, { count: number; amount: bigint; pendingCount: number; pending: bigint }>();
  for (const row of rows) {
    const entry = `${row.day.toISOString().slice(0, 10)} ${row.storeId ?? "-"} ${row.type} ${[...row.fundAccountIds].sort().join(",")}`;
    expect(actual.has(entry), entry).toBe(false); // one row per key
    actual.set(entry, { count: row.count, amount: row.amountMinor, pendingCount: row.pendingCount, pending: row.pendingMinor });
  }
  return actual;
}

/** What the rollup holds of OTHER differences, summed over every day, store and account. */
async function otherSum(orgId: string): Promise<bigint> {
  const rows = await db.adjustmentRollup.findMany({ where: { orgId, type: "OTHER" }, select: { amountMinor: true } });
  return rows.reduce((sum, row) => sum + row.amountMinor, 0n);
}

async function expectRollupsEqualBase(orgId: string) {
  const { rollup, live } = await bothSums(orgId);
  expect(rollup).toEqual(live);
  expect(await adjustmentRollup(orgId)).toEqual(await adjustmentsFromPrisma(orgId));
  return rollup;
}

/** An open row of a list with something left (the largest first), with its owner. */
async function openRow(orgId: string, list: UnmatchedList, slot: Slot, extra = "TRUE", ...values: unknown[]) {
  const { sql, params } = filteredUnmatchedSql(orgId, list, slot, {});
  const [row] = await db.$queryRawUnsafe<{ id: bigint; owner: string; remainingMinor: bigint }[]>(
    `SELECT u.id, u.owner, u."remainingMinor" FROM (${sql}) u WHERE ${extra} ORDER BY u."remainingMinor" DESC, u.id LIMIT 1`,
    ...params,
    ...values,
  );
  return row!;
}

/**
 * A confirmed group over two stores' open orders, with an adjustment about the second order: a group
 * of several stores, whose adjustment counts for the store of the row it is about. Returns that store.
 */
async function twoStoreGroup(ctx: OrgContext): Promise<string> {
  const stores = await db.store.findMany({ where: { orgId: ctx.orgId }, orderBy: { name: "asc" }, take: 2 });
  const orders = [];
  for (const store of stores) {
    const { sql, params } = filteredUnmatchedSql(ctx.orgId, "orders", "down", { owner: store.id });
    const [open] = await db.$queryRawUnsafe<{ id: bigint; remainingMinor: bigint }[]>(`SELECT u.id, u."remainingMinor" FROM (${sql}) u ORDER BY u.id LIMIT 1`, ...params);
    orders.push(open!);
  }
  const group = await db.matchGroup.create({ data: { orgId: ctx.orgId, key: "TWO-STORES", kind: "MANUAL", status: "CONFIRMED", pass: 0, rule: "MANUAL", link: "ORDER_SETTLEMENT", confidence: 100, createdById: ctx.userId } });
  await db.matchItem.createMany({ data: orders.map((order) => ({ orgId: ctx.orgId, groupId: group.id, side: "ORDER" as const, rowId: order.id, slot: "DOWN" as const, amountMinor: -order.remainingMinor })) });
  await db.matchAdjustment.create({ data: { orgId: ctx.orgId, groupId: group.id, type: "FX", amountMinor: 4_242n, note: "两店", aboutSide: "ORDER", aboutRowId: orders[1]!.id } });
  await fillGroupFacts(ctx.orgId, group.id);
  return stores[1]!.id;
}

let twoStoreAbout: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "rollups-differences-"));
  owner = await makeOrg("差异汇总汇总表公司");
  await importMonth(owner, 400, 29);
  await runReconciliation(db, owner, {}, getPgPool());
  twoStoreAbout = await twoStoreGroup(owner);
  other = await makeOrg("别家公司");
  await importMonth(other, 60, 31);
  await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
  await refreshReceivablesAndRollups(getPgPool(), other.orgId);
}, 600_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe("差异汇总's rollups", () => {
  it("hold what is unmatched per list, period, store and account as the workspace counts it, and the adjustments as Prisma reads them", async () => {
    const rollup = await expectRollupsEqualBase(owner.orgId);
    for (const list of ["orders", "lines", "bank"]) expect(rollup.get(key(list, PERIODS[0]!))!.count, list).toBeGreaterThan(0);
    expect((await adjustmentRollup(owner.orgId)).size).toBeGreaterThan(0);
    // The two stores' group: its adjustment counts for the store of the order it is about.
    const fx = await db.adjustmentRollup.findMany({ where: { orgId: owner.orgId, type: "FX", amountMinor: 4_242n } });
    expect(fx.map((row) => row.storeId)).toEqual([twoStoreAbout]);
    // The other company (never reconciled: everything open) has rows of its own, and none of them leak.
    await expectRollupsEqualBase(other.orgId);
    const theirs = await unmatchedRollupSums(db, other.orgId, "orders", "down", PERIODS[0]!);
    expect(theirs.count).toBeGreaterThan(0);
  });

  it("follow a booked match and its reversal once rebuilt", async () => {
    const orgId = owner.orgId;
    const before = await bothSums(orgId);
    const otherBefore = await otherSum(orgId);
    const receipt = await openRow(orgId, "bank", "up", `EXISTS (SELECT 1 FROM "BankTransaction" b WHERE b."orgId" = $1::uuid AND b.id = u.id AND b."amountMinor" > 0)`);
    const order = await openRow(orgId, "orders", "down", `u."remainingMinor" > 1000 AND u."remainingMinor" < $3::bigint`, receipt.remainingMinor);
    expect(receipt.remainingMinor).toBeGreaterThan(order.remainingMinor);
    const { groupId } = await createManualMatch(db, owner, {
      upstream: [{ side: "order", id: order.id.toString() }],
      downstream: [{ side: "bank", id: receipt.id.toString(), amountMinor: order.remainingMinor - 123n }],
      adjustments: [{ type: "OTHER", amountMinor: 123n, note: "差 1.23 元" }],
    });
    const all = PERIODS[0]!;
    // Not rebuilt yet: the rollup still says what it said (the report is as fresh as the receivables).
    expect(await unmatchedRollupSums(db, orgId, "orders", "down", all)).toEqual(before.rollup.get(key("orders", all)));

    await refreshReceivablesAndRollups(getPgPool(), orgId);
    const booked = await expectRollupsEqualBase(orgId);
    const was = (list: string, ownerId?: string) => before.rollup.get(key(list, all, ownerId))!;
    expect(booked.get(key("orders", all, order.owner))).toEqual({ count: was("orders", order.owner).count - 1, remainingMinor: was("orders", order.owner).remainingMinor - order.remainingMinor });
    expect(booked.get(key("bank", all, receipt.owner))).toEqual({ count: was("bank", receipt.owner).count, remainingMinor: was("bank", receipt.owner).remainingMinor - (order.remainingMinor - 123n) });
    expect(await otherSum(orgId)).toBe(otherBefore + 123n);

    await reverseMatches(db, owner, [groupId], "测试撤销");
    await refreshReceivablesAndRollups(getPgPool(), orgId);
    const reversed = await expectRollupsEqualBase(orgId);
    expect(reversed).toEqual(before.rollup);
    expect(await otherSum(orgId)).toBe(otherBefore);
  });
});
