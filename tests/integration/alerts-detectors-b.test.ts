// The duplicate-money, balance and in-transit alerts (DUPLICATE_ROW, DUPLICATE_PAYMENT, BALANCE_BREAK,
// UNMATCHED_PLATFORM_RECEIPT, WITHDRAWAL_IN_TRANSIT) on generated months brought in as a user would
// (tests/integration/alerts-month.ts): a clean month raises none of them, each planted anomaly raises
// exactly one alert of its type naming the planted rows (file + row) and the right account or store,
// all five planted at once raise exactly those five, a company's thresholds change what fires, and an
// import undone clears a duplicate that a re-import brings back. Amounts are checked against the
// files themselves (printed amounts and balances read here), not against the detectors' own figures.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { computeAlerts } from "@/lib/alerts/compute-alerts";
import type { AlertRef } from "@/lib/alerts/alert-refs";
import type { AlertType } from "@/lib/alerts/alert-types";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import type { PlantedAnomaly } from "@/lib/generate";
import { genericBankFileText, minorOfText, parseCsvLine, readStatementFile } from "@/lib/generate/anomalies/bank-statement-rows";
import { COMPANY_NAME } from "@/lib/generate";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { importFile } from "@/lib/import-batches/import-file";
import { undoBatch } from "@/lib/import-batches/undo-batch";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import { ALERTS_AS_OF, monthWithAnomalies } from "./alerts-month";
import { db, makeOrg } from "./fixtures";

const MINE = ["DUPLICATE_ROW", "DUPLICATE_PAYMENT", "BALANCE_BREAK", "UNMATCHED_PLATFORM_RECEIPT", "WITHDRAWAL_IN_TRANSIT"] as const satisfies readonly AlertType[];
type Mine = (typeof MINE)[number];

async function alertsOf(ctx: OrgContext) {
  const alerts = await db.alert.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ type: "asc" }, { causeKey: "asc" }] });
  return alerts.map((alert) => ({ ...alert, refs: alert.refs as AlertRef[], facts: alert.facts as Record<string, string | number> }));
}

const refKeys = (refs: readonly { file: string; sourceRow: number }[]) => refs.map((ref) => `${ref.file}#${ref.sourceRow}`).sort();

/** Data rows of a generated text file by line number (1-based, as the importer counts), decoded. */
function fileLines(dir: string, name: string, encoding: string): string[] {
  return iconv.decode(fs.readFileSync(path.join(dir, name)), encoding).split(/\r?\n/);
}

/** A bank statement row (either layout) read straight from its file: signed amount and printed balance. */
function bankRow(dir: string, name: string, sourceRow: number): { amountMinor: number; balanceMinor: number } {
  const generic = name.startsWith("bank-generic");
  const cells = parseCsvLine(fileLines(dir, name, generic ? "gbk" : "utf-8")[sourceRow - 1]!);
  return generic
    ? { amountMinor: minorOfText(cells[4]!) - minorOfText(cells[5]!), balanceMinor: minorOfText(cells[6]!) }
    : { amountMinor: minorOfText(cells[2]!), balanceMinor: minorOfText(cells[3]!) };
}

async function expectOwner(alert: { storeId: string | null; fundAccountId: string | null }, ctx: OrgContext, planted: PlantedAnomaly) {
  if (planted.fundAccountName) {
    const account = await db.fundAccount.findFirstOrThrow({ where: { orgId: ctx.orgId, name: planted.fundAccountName } });
    expect(alert.fundAccountId).toBe(account.id);
  }
  if (planted.storeName) {
    const store = await db.store.findFirstOrThrow({ where: { orgId: ctx.orgId, name: planted.storeName } });
    expect(alert.storeId).toBe(store.id);
  }
}

/** The money each planted anomaly puts at stake, read from the planted files. */
function expectedAmount(type: Mine, planted: PlantedAnomaly, dir: string): bigint {
  const [first, second] = planted.rows;
  switch (type) {
    case "DUPLICATE_ROW":
    case "DUPLICATE_PAYMENT":
      return BigInt(Math.abs(bankRow(dir, second!.file, second!.sourceRow).amountMinor));
    case "BALANCE_BREAK": {
      const before = bankRow(dir, first!.file, first!.sourceRow);
      const row = bankRow(dir, second!.file, second!.sourceRow);
      return BigInt(Math.abs(row.balanceMinor - (before.balanceMinor + row.amountMinor)));
    }
    case "UNMATCHED_PLATFORM_RECEIPT":
      return BigInt(bankRow(dir, first!.file, first!.sourceRow).amountMinor);
    case "WITHDRAWAL_IN_TRANSIT": {
      // PDD 店铺账务明细: 支出金额 is the 4th column, negative.
      const cells = fileLines(dir, first!.file, "gb18030")[first!.sourceRow - 1]!.split(",");
      return BigInt(-minorOfText(cells[3]!));
    }
  }
}

// Seed 5's last Alipay withdrawal (03-31) reaches the bank only in April: in transit at the as-of day.
describe.each([
  { seed: 5, orders: 2000, bankLayout: "cmb-statement" as const, lateWithdrawals: 1 },
  { seed: 17, orders: 4000, bankLayout: "generic-bank" as const, lateWithdrawals: 0 },
])("a clean month (seed $seed, $orders orders, $bankLayout)", ({ seed, orders, bankLayout, lateWithdrawals }) => {
  let ctx: OrgContext;
  let dir: string;

  beforeAll(async () => {
    ctx = await makeOrg(`干净月份${seed}`);
    ({ dir } = await monthWithAnomalies(ctx, { orders, seed, plant: [], bankLayout }));
    await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
  }, 600_000);

  it("raises none of the duplicate, balance and in-transit alerts", async () => {
    const alerts = await alertsOf(ctx);
    expect(alerts.filter((alert) => (MINE as readonly string[]).includes(alert.type)).map((alert) => [alert.type, refKeys(alert.refs)])).toEqual([]);
  });

  it("with 0 days in transit allowed, raises exactly the withdrawals whose receipt is not in the bank file", async () => {
    // The withdrawals (PDD 提现 lines, Alipay 提现 rows) whose id no bank row quotes: read from the files.
    const bankFile = fs.readdirSync(dir).find((name) => name.startsWith("bank-"))!;
    const bankText = iconv.decode(fs.readFileSync(path.join(dir, bankFile)), bankLayout === "generic-bank" ? "gbk" : "utf-8");
    const missing: string[] = [];
    fileLines(dir, "pdd-ledger-2025-03.csv", "gb18030").forEach((line, k) => {
      const id = line.split(",")[0]!;
      if (line.includes(",提现,") && !bankText.includes(id)) missing.push(`pdd-ledger-2025-03.csv#${k + 1}`);
    });
    fileLines(dir, "alipay-ledger-2025-03.csv", "gbk").forEach((line, k) => {
      // 业务流水号 (2nd column) is the id the bank memo quotes; 业务类型 (11th) says 提现.
      const cells = line.split(",");
      const tradeNo = cells[1]?.trim() ?? "";
      if (cells[10] === "提现" && tradeNo && !bankText.includes(tradeNo)) missing.push(`alipay-ledger-2025-03.csv#${k + 1}`);
    });
    expect(missing.length).toBe(lateWithdrawals);
    await db.alertRule.create({ data: { orgId: ctx.orgId, type: "WITHDRAWAL_IN_TRANSIT", enabled: true, thresholds: { days: 0 } } });
    try {
      await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
      const inTransit = (await alertsOf(ctx)).filter((alert) => alert.type === "WITHDRAWAL_IN_TRANSIT" && alert.status === "NEW");
      expect(inTransit.flatMap((alert) => refKeys(alert.refs)).sort()).toEqual(missing.sort());
      // Month-end only: one or two days before the as-of day.
      for (const alert of inTransit) expect(Number(alert.facts.days)).toBeLessThanOrEqual(2);
    } finally {
      await db.alertRule.delete({ where: { orgId_type: { orgId: ctx.orgId, type: "WITHDRAWAL_IN_TRANSIT" } } });
    }
    await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    expect((await alertsOf(ctx)).filter((alert) => alert.type === "WITHDRAWAL_IN_TRANSIT" && alert.status !== "RESOLVED")).toEqual([]);
  });
});

describe.each(MINE.map((type) => ({ type })))("one planted $type", ({ type }) => {
  let ctx: OrgContext;
  let planted: PlantedAnomaly;
  let dir: string;

  beforeAll(async () => {
    ctx = await makeOrg(`单项预警${type}`);
    const month = await monthWithAnomalies(ctx, { orders: 2000, seed: 1, plant: [type] });
    [planted] = month.planted as [PlantedAnomaly];
    dir = month.dir;
    await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
  }, 600_000);

  it("raises exactly one alert, of its type, naming the planted rows, account or store and amount", async () => {
    const alerts = await alertsOf(ctx);
    expect(alerts.map((alert) => alert.type), planted.note).toEqual([type]);
    const [alert] = alerts;
    expect(refKeys(alert!.refs)).toEqual(refKeys(planted.rows));
    expect(alert!.amountMinor).toBe(expectedAmount(type, planted, dir));
    expect(alert!.status).toBe("NEW");
    await expectOwner(alert!, ctx, planted);
  });
});

describe("all five planted in one month", () => {
  let ctx: OrgContext;
  let planted: PlantedAnomaly[];
  let dir: string;

  beforeAll(async () => {
    ctx = await makeOrg("五项预警");
    ({ planted, dir } = await monthWithAnomalies(ctx, { orders: 3000, seed: 1, plant: MINE }));
    await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
  }, 600_000);

  it("raises exactly those five alerts, each naming its planted rows, and nothing else", async () => {
    const alerts = await alertsOf(ctx);
    expect(alerts.map((alert) => alert.type).sort()).toEqual([...MINE].sort());
    for (const anomaly of planted) {
      const alert = alerts.find((candidate) => candidate.type === anomaly.type)!;
      expect(refKeys(alert.refs), anomaly.note).toEqual(refKeys(anomaly.rows));
      expect(alert.amountMinor, anomaly.note).toBe(expectedAmount(anomaly.type as Mine, anomaly, dir));
      await expectOwner(alert, ctx, anomaly);
    }
  });

  it("names only the company's own rows", async () => {
    for (const alert of await alertsOf(ctx)) {
      for (const ref of alert.refs) {
        const where = { orgId: ctx.orgId, id: BigInt(ref.rowId) };
        const found = ref.side === "BANK" ? await db.bankTransaction.count({ where }) : await db.settlementLine.count({ where });
        expect(found, `${alert.type} ${ref.file}#${ref.sourceRow}`).toBe(1);
      }
    }
    // Another company with the same generated files has its own alerts, never these rows.
    const other = await makeOrg("另一家公司");
    await monthWithAnomalies(other, { orders: 2000, seed: 1, plant: ["UNMATCHED_PLATFORM_RECEIPT"] });
    await computeAlerts(db, other.orgId, { asOf: ALERTS_AS_OF });
    const theirs = await alertsOf(other);
    expect(theirs.map((alert) => alert.type)).toEqual(["UNMATCHED_PLATFORM_RECEIPT"]);
    const ours = new Set((await alertsOf(ctx)).flatMap((alert) => alert.refs.map((ref) => ref.rowId)));
    expect(theirs.flatMap((alert) => alert.refs).some((ref) => ours.has(ref.rowId))).toBe(false);
    expect((await alertsOf(ctx)).length).toBe(MINE.length);
  });

  it("follows the company's thresholds (AlertRule): a wider tolerance or more days clear, the defaults raise again", async () => {
    const unmatched = (await alertsOf(ctx)).find((alert) => alert.type === "UNMATCHED_PLATFORM_RECEIPT")!;
    const breakAlert = (await alertsOf(ctx)).find((alert) => alert.type === "BALANCE_BREAK")!;
    await db.alertRule.createMany({
      data: [
        { orgId: ctx.orgId, type: "UNMATCHED_PLATFORM_RECEIPT", enabled: true, thresholds: { days: Number(unmatched.facts.days) } },
        { orgId: ctx.orgId, type: "BALANCE_BREAK", enabled: true, thresholds: { toleranceMinor: Number(breakAlert.amountMinor) } },
      ],
    });
    const widened = await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    expect(widened.cleared).toBe(2);
    const after = await alertsOf(ctx);
    expect(after.filter((alert) => alert.status === "RESOLVED").map((alert) => alert.type).sort()).toEqual(["BALANCE_BREAK", "UNMATCHED_PLATFORM_RECEIPT"]);
    // One day less, one fen less: they fire again (a resolved cause that comes back is new).
    await db.alertRule.update({ where: { orgId_type: { orgId: ctx.orgId, type: "UNMATCHED_PLATFORM_RECEIPT" } }, data: { thresholds: { days: Number(unmatched.facts.days) - 1 } } });
    await db.alertRule.update({ where: { orgId_type: { orgId: ctx.orgId, type: "BALANCE_BREAK" } }, data: { thresholds: { toleranceMinor: Number(breakAlert.amountMinor) - 1 } } });
    const narrowed = await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    expect(narrowed.reopened).toBe(2);
    expect((await alertsOf(ctx)).every((alert) => alert.status === "NEW")).toBe(true);
    await db.alertRule.deleteMany({ where: { orgId: ctx.orgId } });
  });

  it("clears the duplicate when its second import is undone, and reopens it when the file comes back", async () => {
    const duplicate = planted.find((anomaly) => anomaly.type === "DUPLICATE_ROW")!;
    const extra = duplicate.rows[1]!.file;
    const batch = await db.importBatch.findFirstOrThrow({ where: { orgId: ctx.orgId, fileName: extra, status: "COMMITTED" } });
    await undoBatch(db, ctx, batch.id);
    await refreshReceivablesAndRollups(getPgPool(), ctx.orgId);
    const undone = await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    expect(undone.cleared).toBe(1);
    const cleared = (await alertsOf(ctx)).find((alert) => alert.type === "DUPLICATE_ROW")!;
    expect(cleared).toMatchObject({ status: "RESOLVED", closedById: null, causePresent: false });
    // Nothing else moved: the other four are still open.
    expect((await alertsOf(ctx)).filter((alert) => alert.status === "NEW").map((alert) => alert.type).sort()).toEqual(MINE.filter((type) => type !== "DUPLICATE_ROW").sort());

    const account = await db.fundAccount.findFirstOrThrow({ where: { orgId: ctx.orgId, name: duplicate.fundAccountName! } });
    const again = await importFile(db, getPgPool(), ctx, { fileName: extra, source: fs.createReadStream(path.join(dir, extra)), fundAccountId: account.id });
    expect(again.status).toBe("COMMITTED");
    await refreshReceivablesAndRollups(getPgPool(), ctx.orgId);
    const reimported = await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    expect(reimported).toMatchObject({ reopened: 1, raised: 0 });
    const reopened = (await alertsOf(ctx)).find((alert) => alert.type === "DUPLICATE_ROW")!;
    expect(reopened).toMatchObject({ id: cleared.id, status: "NEW", reopenCount: 1, causePresent: true, closedAt: null });
    expect(refKeys(reopened.refs)).toEqual(refKeys(duplicate.rows));
    expect((await alertsOf(ctx)).length).toBe(MINE.length);
  });
});

describe("a platform receipt imported twice (a later 企业网银 export of one Alipay receipt)", () => {
  it("is one DUPLICATE_ROW alert, not a second payment, unmatched money or a withdrawal in transit", async () => {
    const ctx = await makeOrg("收款导入两次");
    const { dir } = await monthWithAnomalies(ctx, { orders: 2000, seed: 7, plant: [] });
    const cmb = "bank-cmb-2025-03.csv";
    const statement = readStatementFile({ name: cmb, path: path.join(dir, cmb), rows: 0, kind: "bank", format: "cmb-statement", encoding: "utf-8", storeOrAccount: { type: "fundAccount", key: "bank", name: "招商银行基本户" } });
    const receipt = statement.rows.find((row) => row.memo.includes("支付宝提现") && row.date >= "2025-03-09")!;
    const extra = "bank-generic-receipt-again.csv";
    const { text, sourceRow } = genericBankFileText("2025-03", receipt, "P2025031099999999", COMPANY_NAME);
    fs.writeFileSync(path.join(dir, extra), iconv.encode(text, "gbk"));
    const account = await db.fundAccount.findFirstOrThrow({ where: { orgId: ctx.orgId, name: "招商银行基本户" } });
    expect((await importFile(db, getPgPool(), ctx, { fileName: extra, source: fs.createReadStream(path.join(dir, extra)), fundAccountId: account.id })).status).toBe("COMMITTED");
    // The next run, as after any import: the confirmed match of the first receipt stands.
    await runReconciliation(db, ctx, {}, getPgPool());
    const proposed = await db.matchGroup.findMany({ where: { orgId: ctx.orgId, status: "PROPOSED" }, select: { id: true } });
    if (proposed.length > 0) await confirmProposals(db, ctx, proposed.map((group) => group.id));
    await refreshReceivablesAndRollups(getPgPool(), ctx.orgId);
    await computeAlerts(db, ctx.orgId, { asOf: ALERTS_AS_OF });
    const alerts = await alertsOf(ctx);
    expect(alerts.map((alert) => [alert.type, refKeys(alert.refs)])).toEqual([["DUPLICATE_ROW", refKeys([{ file: cmb, sourceRow: receipt.sourceRow }, { file: extra, sourceRow }])]]);
    expect(alerts[0]!.amountMinor).toBe(BigInt(bankRow(dir, cmb, receipt.sourceRow).amountMinor));
    expect(alerts[0]!.fundAccountId).toBe(account.id);
  });
});
