// The alert rules OVERDUE_RECEIVABLE, FEE_RATE_HIGH, REFUND_AFTER_SETTLEMENT and UNUSUAL_CHANGE on
// generated months: a clean month raises none of them (natural refunds, 多多进宝 fees, busy days and
// late orders are ordinary); each planted anomaly raises exactly one alert of its type naming the
// planted rows and store; all four planted at once raise exactly those four; a threshold stored in
// AlertRule stops or starts a rule; another company's rows never appear.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { computeAlerts } from "@/lib/alerts/compute-alerts";
import { parseAlertRefs } from "@/lib/alerts/alert-refs";
import type { AlertType } from "@/lib/alerts/alert-types";
import type { AnomalyType, PlantedAnomaly } from "@/lib/generate";
import { ALERTS_AS_OF, monthWithAnomalies } from "./alerts-month";
import { db, makeOrg } from "./fixtures";

const MINE = ["OVERDUE_RECEIVABLE", "FEE_RATE_HIGH", "REFUND_AFTER_SETTLEMENT", "UNUSUAL_CHANGE"] as const satisfies readonly AlertType[];

type Month = { ctx: OrgContext; planted: PlantedAnomaly[] };
const dirs: string[] = [];

async function month(name: string, orders: number, seed: number, plant: readonly AnomalyType[]): Promise<Month> {
  const ctx = await makeOrg(name);
  const { planted, dir } = await monthWithAnomalies(ctx, { orders, seed, plant });
  dirs.push(dir);
  return { ctx, planted };
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function openAlerts(orgId: string) {
  const alerts = await db.alert.findMany({ where: { orgId, type: { in: [...MINE] }, status: { in: ["NEW", "IN_PROGRESS"] } }, orderBy: [{ type: "asc" }, { causeKey: "asc" }] });
  return alerts.map((alert) => ({ ...alert, refs: parseAlertRefs(alert.refs) }));
}

async function storeIdOf(orgId: string, name: string | undefined): Promise<string> {
  return (await db.store.findFirstOrThrow({ where: { orgId, name: name ?? "" }, select: { id: true } })).id;
}

async function setRule(orgId: string, type: AlertType, thresholds: object): Promise<void> {
  await db.alertRule.upsert({ where: { orgId_type: { orgId, type } }, create: { orgId, type, thresholds }, update: { thresholds } });
}

const describeAlerts = (alerts: Awaited<ReturnType<typeof openAlerts>>) => alerts.map((a) => `${a.type} ${a.causeKey} ${JSON.stringify(a.facts)}`).join("\n");

describe("alert detectors: overdue, fee rate, refund after settlement, unusual change", () => {
  const clean: Month[] = [];
  const single = new Map<AnomalyType, Month>();
  let all: Month;

  beforeAll(async () => {
    clean.push(await month("clean-1", 3000, 1, []), await month("clean-7", 2000, 7, []), await month("clean-17", 4000, 17, []));
    for (const type of MINE) single.set(type, await month(`planted-${type}`, 2000, 3, [type]));
    all = await month("planted-all", 3000, 11, MINE);
    for (const m of [...clean, ...single.values(), all]) await computeAlerts(db, m.ctx.orgId, { asOf: ALERTS_AS_OF });
  }, 900_000);

  it("raises none of these alerts on clean months (three seeds and sizes)", async () => {
    for (const m of clean) {
      const alerts = await openAlerts(m.ctx.orgId);
      expect(alerts, describeAlerts(alerts)).toEqual([]);
    }
  });

  for (const type of MINE) {
    it(`raises exactly one ${type} alert for its planted anomaly, naming its rows and store, and nothing else`, async () => {
      const m = single.get(type)!;
      const [planted] = m.planted;
      const alerts = await openAlerts(m.ctx.orgId);
      expect(alerts.map((a) => a.type), describeAlerts(alerts)).toEqual([type]);
      const [alert] = alerts;
      expect(alert!.storeId).toBe(await storeIdOf(m.ctx.orgId, planted!.storeName));
      const named = alert!.refs.map((ref) => `${ref.file}#${ref.sourceRow}`);
      for (const row of planted!.rows) expect(named, planted!.note).toContain(`${row.file}#${row.sourceRow}`);
      expect(alert!.amountMinor).toBeGreaterThan(0n);
    });
  }

  it("figures of the planted alerts, computed independently", async () => {
    // The overdue Tmall order: ¥888.00 paid 2025-01-10, due by automatic confirmation on 01-22 (paid + 12, T+0).
    const overdue = (await openAlerts(single.get("OVERDUE_RECEIVABLE")!.ctx.orgId))[0]!;
    expect(overdue.amountMinor).toBe(88_800n);
    expect(overdue.facts).toMatchObject({ orders: 1, oldestDays: 69, days: 30 });
    // The planted refund: ¥5,000.00.
    const refund = (await openAlerts(single.get("REFUND_AFTER_SETTLEMENT")!.ctx.orgId))[0]!;
    expect(refund.amountMinor).toBe(500_000n);
    expect(refund.facts).toMatchObject({ kind: "REFUND" });
    // The raised commission: what the order was charged above 5 % of its sale (read back from the wallet rows).
    const fee = (await openAlerts(single.get("FEE_RATE_HIGH")!.ctx.orgId))[0]!;
    const feeRow = await db.bankTransaction.findFirstOrThrow({ where: { orgId: fee.orgId, id: BigInt(fee.refs[0]!.rowId) } });
    const sale = await db.bankTransaction.aggregate({
      where: { orgId: fee.orgId, fundAccountId: feeRow.fundAccountId, secondaryReference: feeRow.secondaryReference, amountMinor: { gt: 0 } },
      _sum: { amountMinor: true },
    });
    const saleMinor = sale._sum.amountMinor!;
    expect(fee.facts).toMatchObject({ scope: "ORDER", feeType: "COMMISSION", basis: "CONTRACT", limitBps: 550 });
    expect(fee.amountMinor).toBe(-feeRow.amountMinor - (saleMinor * 500n + 5_000n) / 10_000n);
  });

  it("raises exactly the four planted alerts when all four are planted in one month", async () => {
    const alerts = await openAlerts(all.ctx.orgId);
    expect(alerts.map((a) => a.type).sort(), describeAlerts(alerts)).toEqual([...MINE].sort());
    for (const planted of all.planted) {
      const alert = alerts.find((a) => a.type === planted.type)!;
      const named = alert.refs.map((ref) => `${ref.file}#${ref.sourceRow}`);
      for (const row of planted.rows) expect(named, planted.note).toContain(`${row.file}#${row.sourceRow}`);
    }
  });

  it("stops firing when a stored threshold no longer catches the anomaly, and fires again when it does", async () => {
    const cases: { type: AlertType; stop: object }[] = [
      { type: "OVERDUE_RECEIVABLE", stop: { days: 100 } },
      { type: "FEE_RATE_HIGH", stop: { toleranceBps: 5_000 } },
      { type: "REFUND_AFTER_SETTLEMENT", stop: { minAmountMinor: 600_000 } },
      { type: "UNUSUAL_CHANGE", stop: { factorPct: 10_000 } },
    ];
    for (const { type, stop } of cases) {
      const { orgId } = single.get(type)!.ctx;
      await setRule(orgId, type, stop);
      await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
      expect(await openAlerts(orgId), type).toEqual([]);
      await setRule(orgId, type, {});
      await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
      const again = await db.alert.findMany({ where: { orgId, type } });
      expect(again.map((a) => [a.status, a.reopenCount]), type).toEqual([["NEW", 1]]);
    }
  });

  it("holds a store without a contracted rate to its own usual rate: the planted commission still fires, 多多进宝 does not", async () => {
    const { orgId } = single.get("FEE_RATE_HIGH")!.ctx;
    const [planted] = single.get("FEE_RATE_HIGH")!.planted;
    await db.store.updateMany({ where: { orgId }, data: { feeRateBps: 0 } });
    try {
      await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
      const alerts = await openAlerts(orgId);
      expect(alerts.map((a) => a.type), describeAlerts(alerts)).toEqual(["FEE_RATE_HIGH"]);
      expect(alerts[0]!.facts).toMatchObject({ scope: "ORDER", basis: "LEARNED" });
      expect(alerts[0]!.refs.map((ref) => `${ref.file}#${ref.sourceRow}`)).toContain(`${planted!.rows[0]!.file}#${planted!.rows[0]!.sourceRow}`);
    } finally {
      for (const store of (await import("@/lib/generate")).describeStores()) await db.store.updateMany({ where: { orgId, name: store.name }, data: { feeRateBps: store.feeRateBps } });
    }
  });

  it("starts firing on a clean month when a threshold is lowered: every order overdue by a day, per store", async () => {
    const { orgId } = clean[0]!.ctx;
    await setRule(orgId, "OVERDUE_RECEIVABLE", { days: 0 });
    await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
    const alerts = (await openAlerts(orgId)).filter((a) => a.type === "OVERDUE_RECEIVABLE");
    // Independently: OPEN receivables due before the as-of day, by store (Prisma, not the detector's SQL).
    const overdue = await db.orderReceivable.groupBy({
      by: ["storeId"],
      where: { orgId, stage: "OPEN", aging: true, expectedOn: { lt: new Date(`${ALERTS_AS_OF}T00:00:00Z`) }, outstandingMinor: { gt: 0 } },
      _sum: { outstandingMinor: true },
      _count: true,
    });
    expect(overdue.length).toBeGreaterThan(0);
    expect(alerts.map((a) => [a.storeId, a.amountMinor, a.facts && (a.facts as { orders: number }).orders]).sort()).toEqual(
      overdue.map((o) => [o.storeId, o._sum.outstandingMinor, o._count]).sort(),
    );
    await setRule(orgId, "OVERDUE_RECEIVABLE", {});
    await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
    expect(await openAlerts(orgId)).toEqual([]);
  });

  it("raises a chargeback and a negative payout whatever their amount, and clears them when they are gone", async () => {
    const { orgId } = clean[1]!.ctx;
    const pdd = await db.store.findFirstOrThrow({ where: { orgId, platform: "PDD" } });
    const ledgerLine = await db.settlementLine.findFirstOrThrow({ where: { orgId, storeId: pdd.id }, orderBy: { id: "asc" } });
    const chargeback = await db.settlementLine.create({
      data: {
        orgId, storeId: pdd.id, batchId: ledgerLine.batchId, sourceRow: 999_999, lineType: "ADJUSTMENT", amountMinor: -1_234n, currency: "CNY",
        occurredOn: new Date("2025-03-15T00:00:00Z"), memo: "拒付 chargeback", naturalKey: `test-chargeback-${orgId}`,
      },
    });
    const payout = await db.reportPayout.findFirstOrThrow({ where: { orgId, side: "SETTLEMENT" }, orderBy: { payoutId: "asc" } });
    await db.reportPayout.update({ where: { orgId_side_payoutId: { orgId, side: "SETTLEMENT", payoutId: payout.payoutId } }, data: { amountMinor: -5_000n } });
    try {
      await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
      const alerts = await openAlerts(orgId);
      expect(alerts.map((a) => [a.type, a.causeKey, a.amountMinor, (a.facts as { kind: string }).kind])).toEqual([
        ["REFUND_AFTER_SETTLEMENT", `LINE:SETTLEMENT:${chargeback.id}`, 1_234n, "CHARGEBACK"],
        ["REFUND_AFTER_SETTLEMENT", `PAYOUT:SETTLEMENT:${payout.payoutId}`, 5_000n, "NEGATIVE_PAYOUT"],
      ]);
      expect(alerts[0]!.refs.map((ref) => [ref.side, ref.rowId, ref.sourceRow])).toEqual([["SETTLEMENT", String(chargeback.id), 999_999]]);
      expect(alerts[1]!.refs.map((ref) => [ref.side, ref.rowId])).toEqual([["SETTLEMENT", String(payout.payoutId)]]);
    } finally {
      await db.settlementLine.delete({ where: { orgId_id: { orgId, id: chargeback.id } } });
      await db.reportPayout.update({ where: { orgId_side_payoutId: { orgId, side: "SETTLEMENT", payoutId: payout.payoutId } }, data: { amountMinor: payout.amountMinor } });
    }
    await computeAlerts(db, orgId, { asOf: ALERTS_AS_OF });
    expect(await openAlerts(orgId)).toEqual([]);
  });

  it("never names another company's rows or stores", async () => {
    const orgs = [...clean, ...single.values(), all].map((m) => m.ctx.orgId);
    for (const orgId of orgs) {
      const alerts = await db.alert.findMany({ where: { orgId, type: { in: [...MINE] }, causePresent: true } });
      const stores = new Set((await db.store.findMany({ where: { orgId }, select: { id: true } })).map((s) => s.id));
      const files = new Set((await db.importBatch.findMany({ where: { orgId }, select: { fileName: true } })).map((b) => b.fileName));
      for (const alert of alerts) {
        if (alert.storeId) expect(stores.has(alert.storeId)).toBe(true);
        for (const ref of parseAlertRefs(alert.refs)) {
          const id = BigInt(ref.rowId);
          const found =
            ref.side === "ORDER"
              ? await db.order.findFirst({ where: { orgId, id, sourceRow: ref.sourceRow } })
              : ref.side === "SETTLEMENT"
                ? await db.settlementLine.findFirst({ where: { orgId, id, sourceRow: ref.sourceRow } })
                : await db.bankTransaction.findFirst({ where: { orgId, id, sourceRow: ref.sourceRow } });
          expect(found, `${alert.type} ${ref.side} ${ref.rowId}`).not.toBeNull();
          expect(files.has(ref.file)).toBe(true);
        }
      }
    }
  });
});
