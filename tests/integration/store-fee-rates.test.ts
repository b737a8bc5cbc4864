// Matching without contracted rates, and the rates learned instead: a generated month imported into
// stores nobody gave a rate (a company's first day), reconciled; then each store's usual rate per
// fee type, as the receivables job rebuilds it, against the same rates worked out here from the
// generator's ground truth (each order's fee over its sale), and what the next run gives the engine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { describeStores, generateMonth, readGroundTruth, type GeneratedMonth } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { loadReconcileInput } from "@/lib/match-runs/load-reconcile-input";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

let owner: OrgContext;
let outDir: string;
let month: GeneratedMonth;
const storeIdOf = new Map<string, string>();

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "store-fee-rates-"));
  owner = await makeOrg("费率学习公司");
  month = await generateMonth({ orders: 2500, seed: 11, outDir });
  await importGeneratedFiles(owner, month);
  // Nobody has typed in the contracted rates yet.
  await db.store.updateMany({ where: { orgId: owner.orgId }, data: { feeRateBps: 0 } });
  for (const store of describeStores()) storeIdOf.set(store.key, (await db.store.findFirstOrThrow({ where: { orgId: owner.orgId, name: store.name } })).id);
}, 300_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** The median (lower middle) and nearest-rank 90th percentile of each order's fee / sale in bps, from the ground truth. */
async function truthRates(store: string, fee: "commission" | "serviceFee" | "promotion"): Promise<{ median: number; upper: number; orders: number }> {
  const rates: number[] = [];
  for await (const record of readGroundTruth(month.groundTruthPath)) {
    if (record.type !== "order" || record.store !== store || !record.inExport || record.lines.length === 0) continue;
    const { sale } = record.amounts;
    const amount = record.amounts[fee];
    if (sale > 0 && amount > 0) rates.push(Math.round(Number((BigInt(amount) * 1_000_000n) / BigInt(sale)) / 100));
  }
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor((rates.length - 1) / 2)]!, upper: rates[Math.ceil(0.9 * rates.length) - 1]!, orders: rates.length };
}

describe("a month reconciled with no contracted rate on any store", () => {
  it("books every order its bill itemizes by itself: the fees are the platform's own record", async () => {
    const summary = await runReconciliation(db, owner, {}, getPgPool());
    const groups = await db.matchGroup.groupBy({ by: ["status"], where: { orgId: owner.orgId, link: "ORDER_SETTLEMENT" }, _count: true });
    const count = Object.fromEntries(groups.map((group) => [group.status, group._count]));
    expect(summary.autoConfirmed).toBeGreaterThan(600);
    // A handful wait for a person: refunds only a status shows, unexplained remainders.
    expect(count.PROPOSED ?? 0).toBeLessThanOrEqual(0.02 * (count.CONFIRMED ?? 0));
  });

  it("learns each store's usual rate per fee type from those orders, as the ground truth has them", async () => {
    await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
    const rows = await db.storeFeeRate.findMany({ where: { orgId: owner.orgId } });
    const rate = (store: string, feeType: string) => rows.find((row) => row.storeId === storeIdOf.get(store) && row.feeType === feeType);
    for (const [store, feeType, fee] of [
      ["tmall", "COMMISSION", "commission"],
      ["tmall", "PAYMENT_FEE", "serviceFee"],
      ["pdd", "TECH_SERVICE_FEE", "commission"],
      ["pdd", "AFFILIATE", "promotion"],
    ] as const) {
      const truth = await truthRates(store, fee);
      const learned = rate(store, feeType);
      expect(learned, `${store} ${feeType}`).toBeDefined();
      // The confirmed orders are the ground truth's, less the few a person must look at.
      expect(Math.abs(learned!.medianBps - truth.median), `${store} ${feeType} median`).toBeLessThanOrEqual(1);
      expect(Math.abs(learned!.upperBps - truth.upper), `${store} ${feeType} p90`).toBeLessThanOrEqual(2);
      expect(truth.orders - learned!.orders, `${store} ${feeType} orders`).toBeLessThanOrEqual(Math.max(2, Math.ceil(0.03 * truth.orders)));
      expect(learned!.orders).toBeLessThanOrEqual(truth.orders);
    }
    // 淘宝客 / 多多进宝 are not the platform's commission: the PDD technical service fee stays at its 0.6 %.
    expect(rate("pdd", "TECH_SERVICE_FEE")!.medianBps).toBe(60);
    // JD and Douyin pay the bank directly: nothing itemizes their fees, and no person confirmed a payout yet.
    expect(rows.filter((row) => row.storeId === storeIdOf.get("jd") || row.storeId === storeIdOf.get("douyin"))).toEqual([]);
  });

  it("counts a learned rate that moves as a change a run must see, and a rebuild that learns the same rates as none", async () => {
    const changes = async () => (await db.reconcileLoadState.findUniqueOrThrow({ where: { orgId: owner.orgId } })).changes;
    const before = await changes();
    await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
    expect(await changes()).toBe(before);
    await db.storeFeeRate.update({ where: { orgId_storeId_feeType: { orgId: owner.orgId, storeId: storeIdOf.get("tmall")!, feeType: "COMMISSION" } }, data: { medianBps: { increment: 7 } } });
    expect(await changes()).toBe(before + 1n);
    await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
    expect(await changes()).toBe(before + 2n);
  });

  it("gives the next run the learned commission rate of stores without a contract, and none to a store with one", async () => {
    const learned = await db.storeFeeRate.findFirstOrThrow({ where: { orgId: owner.orgId, storeId: storeIdOf.get("tmall"), feeType: "COMMISSION" } });
    let input = await loadReconcileInput(getPgPool(), owner.orgId);
    expect(input.stores.find((store) => store.id === storeIdOf.get("tmall"))!.learnedFeeRate).toEqual({ medianBps: learned.medianBps, upperBps: learned.upperBps, orders: learned.orders });
    expect(input.stores.find((store) => store.id === storeIdOf.get("jd"))!.learnedFeeRate).toBeUndefined();
    await db.store.update({ where: { orgId_id: { orgId: owner.orgId, id: storeIdOf.get("tmall")! } }, data: { feeRateBps: 500 } });
    input = await loadReconcileInput(getPgPool(), owner.orgId);
    expect(input.stores.find((store) => store.id === storeIdOf.get("tmall"))!.learnedFeeRate).toBeUndefined();
  });

  it("learns a directly-paid store's commission from the payout groups a person confirmed", async () => {
    // JD pays the bank straight: its commission is only ever a group's adjustment about each order.
    const jd = storeIdOf.get("jd")!;
    await db.store.update({ where: { orgId_id: { orgId: owner.orgId, id: jd } }, data: { feeRateBps: 800 } });
    await runReconciliation(db, owner, {}, getPgPool());
    const payouts = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED", link: "ORDER_BANK", storeIds: { equals: [jd] } }, select: { id: true } });
    expect(payouts.length).toBeGreaterThan(0);
    await confirmProposals(db, owner, payouts.map((group) => group.id));
    await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
    const learned = await db.storeFeeRate.findUnique({ where: { orgId_storeId_feeType: { orgId: owner.orgId, storeId: jd, feeType: "COMMISSION" } } });
    // Most orders' commission was put at the contract's 8 % of what they settled for. The 90th percentile
    // is higher (10.87 % on this month): against what the buyer paid, orders whose 结算金额 the platform
    // cut further (refunds, discounts it does not pay back) show more.
    expect(learned!.medianBps).toBe(800);
    expect(learned!.upperBps).toBeGreaterThanOrEqual(800);
    expect(learned!.orders).toBeGreaterThanOrEqual(20);
  });
});
