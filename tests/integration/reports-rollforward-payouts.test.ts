// 资金账户余额调节 and 结算明细 on a generated month imported through the importer and reconciled by
// a run, and the roll-forward also on real bank exports from /work/shared/fixtures. Figures are
// checked against what is computed here another way: the rows read in file order with plain
// Prisma queries, the sums written by hand from the files, the generator's ground truth, and a
// statement with one row deleted, whose break must be found at exactly that row. Both reports read
// rollups the receivables job rebuilds (decision 0011), so each change here is followed by that
// rebuild, as the worker would run it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { describeFundAccounts, generateMonth, readGroundTruth, type GeneratedMonth, type LineRecord, type WalletLineRecord, type WithdrawalRecord } from "@/lib/generate";
import { parseImportBuffer } from "@/lib/import";
import { importFile } from "@/lib/import-batches/import-file";
import { StatementFactsCollector } from "@/lib/import-batches/statement-facts";
import type { BankTransactionRow } from "@/lib/import/types";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import type { DrillKey, DrillResult, ReportResult, ReportRow } from "@/lib/reports/report-result";
import { standardReport } from "@/lib/reports/standard-reports";
import type { ReportScope } from "@/lib/reports/standard-report";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures");
const MONTH = { from: "2025-03-01", to: "2025-03-31" };

let owner: OrgContext;
let outDir: string;
let month: GeneratedMonth;

const scopeOf = (org: OrgContext): ReportScope => ({ orgId: org.orgId, timeZone: "Asia/Shanghai", asOf: "2025-04-30" });

async function runReport(id: string, org: OrgContext, input: ReportFilterInput): Promise<ReportResult> {
  const filters = await resolveReportFilters(db, org.orgId, input);
  return standardReport(id)!.run(db, scopeOf(org), filters);
}

/** Every page of a drill-down, and its 合计 (the same on each page). */
async function drillAll(id: string, org: OrgContext, input: ReportFilterInput, key: DrillKey, limit = 97): Promise<{ rows: ReportRow[]; first: DrillResult }> {
  const filters = await resolveReportFilters(db, org.orgId, input);
  const report = standardReport(id)!;
  const first = await report.drill(db, scopeOf(org), filters, key, { limit, offset: 0 });
  const rows = [...first.rows];
  for (let offset = limit; offset < first.count; offset += limit) {
    const page = await report.drill(db, scopeOf(org), filters, key, { limit, offset });
    expect(page.totals).toEqual(first.totals);
    rows.push(...page.rows);
  }
  return { rows, first };
}

const money = (value: unknown) => (value === null || value === undefined ? 0n : (value as bigint));
const sumOf = (rows: ReportRow[], key: string) => rows.reduce((sum, row) => sum + money(row[key]), 0n);

async function importGeneratedMonth(ctx: OrgContext) {
  await importGeneratedFiles(ctx, month);
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-money-"));
  owner = await makeOrg("报表资金公司");
  month = await generateMonth({ orders: 800, seed: 11, outDir });
  await importGeneratedMonth(owner);
  await runReconciliation(db, owner, {}, getPgPool());
  const proposed = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED" }, select: { id: true } });
  await confirmProposals(db, owner, proposed.map((group) => group.id));
  await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
}, 300_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** An account's rows as the (oldest-first) generated file prints them, read with plain Prisma. */
async function fileRows(orgId: string, accountName: string) {
  const account = await db.fundAccount.findFirstOrThrow({ where: { orgId, name: accountName } });
  const rows = await db.bankTransaction.findMany({ where: { orgId, fundAccountId: account.id }, orderBy: { sourceRow: "asc" } });
  return { account, rows };
}

describe("资金账户余额调节 on a generated month", () => {
  it("ties every account to the balances its statement prints: opening + in − out = closing, no breaks", async () => {
    const report = await runReport("rollforward", owner, MONTH);
    const names = describeFundAccounts().map((account) => account.name);
    expect(report.rows.map((row) => row.account).sort()).toEqual([...names].sort());
    for (const row of report.rows) {
      const { rows } = await fileRows(owner.orgId, row.account as string);
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      const inMinor = rows.filter((r) => r.amountMinor > 0n).reduce((sum, r) => sum + r.amountMinor, 0n);
      const outMinor = rows.filter((r) => r.amountMinor < 0n).reduce((sum, r) => sum - r.amountMinor, 0n);
      expect(row, row.account as string).toMatchObject({
        opening: first.balanceMinor! - first.amountMinor,
        in: inMinor,
        out: outMinor,
        printedClosing: last.balanceMinor,
        computedClosing: last.balanceMinor,
        difference: 0n,
        rows: BigInt(rows.length),
        breaks: 0n,
      });
    }
    expect(report.totals.in).toBe(sumOf(report.rows, "in"));
    expect(report.totals.out).toBe(sumOf(report.rows, "out"));
    expect(report.totals.rows).toBe(sumOf(report.rows, "rows"));
    expect(report.totals.printedClosing).toBe(sumOf(report.rows, "printedClosing"));
  });

  it("opens a part of the month on the balance printed before its first row", async () => {
    const period = { from: "2025-03-10", to: "2025-03-20" };
    const report = await runReport("rollforward", owner, period);
    for (const row of report.rows) {
      const { rows } = await fileRows(owner.orgId, row.account as string);
      const before = rows.filter((r) => r.occurredOn.toISOString().slice(0, 10) < period.from);
      const inside = rows.filter((r) => r.occurredOn.toISOString().slice(0, 10) >= period.from && r.occurredOn.toISOString().slice(0, 10) <= period.to);
      expect(row.opening, row.account as string).toBe(before[before.length - 1]!.balanceMinor);
      expect(row.printedClosing).toBe(inside[inside.length - 1]!.balanceMinor);
      expect(row.rows).toBe(BigInt(inside.length));
    }
  });

  it("drills into each account's rows: paged, the running balance equal to the printed one, 合计 equal to the row", async () => {
    const report = await runReport("rollforward", owner, MONTH);
    for (const [index, row] of report.rows.entries()) {
      const key = report.drill![index]!;
      const { rows, first } = await drillAll("rollforward", owner, MONTH, key, 500);
      expect(rows).toHaveLength(Number(row.rows));
      expect(first.count).toBe(Number(row.rows));
      expect(sumOf(rows, "in")).toBe(row.in);
      expect(sumOf(rows, "out")).toBe(row.out);
      expect(first.totals).toMatchObject({ in: row.in, out: row.out, difference: 0n });
      expect(rows.every((r) => r.computedBalance === r.printedBalance && r.difference === null)).toBe(true);
      const { rows: fromFile } = await fileRows(owner.orgId, row.account as string);
      expect(rows.map((r) => r.sourceRow)).toEqual(fromFile.map((r) => BigInt(r.sourceRow)));
      const breaks = await drillAll("rollforward", owner, MONTH, { ...key, breaks: "1" });
      expect(breaks.first.count).toBe(0);
    }
  });

  it("finds a row deleted from a copy of the statement at exactly that row, in that company only", async () => {
    const bankFile = month.files.find((file) => file.format === "cmb-statement")!;
    const lines = fs.readFileSync(bankFile.path, "utf8").split("\n");
    // Line numbers are sourceRows (the header is line 1). Take out a line in the middle.
    const deletedRow = Math.floor(lines.length / 2);
    const { rows: original } = await fileRows(owner.orgId, bankFile.storeOrAccount.name);
    const deleted = original.find((r) => r.sourceRow === deletedRow)!;
    const copy = path.join(outDir, "cmb-missing-row.csv");
    fs.writeFileSync(copy, lines.filter((_, index) => index !== deletedRow - 1).join("\n"));

    const other = await makeOrg("另一家公司");
    const account = await createFundAccount(db, other, { name: "招行（缺一行）", type: "BANK", institution: "招商银行", accountNumber: null, currency: "CNY" });
    const imported = await importFile(db, getPgPool(), other, { fileName: "cmb-missing-row.csv", source: fs.createReadStream(copy), fundAccountId: account.id });
    expect(imported.status).toBe("COMMITTED");
    await refreshReceivablesAndRollups(getPgPool(), other.orgId);

    const report = await runReport("rollforward", other, MONTH);
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0]!;
    expect(row).toMatchObject({ breaks: 1n, difference: deleted.amountMinor, rows: BigInt(original.length - 1) });
    expect(row.printedClosing! as bigint - (row.computedClosing as bigint)).toBe(deleted.amountMinor);
    expect(report.notes?.some((note) => note.key === "reports.rollforward.notes.breaks")).toBe(true);

    const { rows, first } = await drillAll("rollforward", other, MONTH, { ...report.drill![0]!, breaks: "1" });
    expect(first.count).toBe(1);
    expect(rows.map((r) => [r.role, r.sourceRow])).toEqual([
      ["previous", BigInt(deletedRow - 1)],
      ["break", BigInt(deletedRow)],
      ["next", BigInt(deletedRow + 1)],
    ]);
    const broken = rows[1]!;
    expect(broken.difference).toBe(deleted.amountMinor);
    expect(broken.expectedBalance).toBe((rows[0]!.printedBalance as bigint) + money(broken.in) - money(broken.out));
    expect(first.totals.difference).toBe(deleted.amountMinor);

    // The owner's report does not see it; the other company's account is "not found" to the owner.
    const ownReport = await runReport("rollforward", owner, MONTH);
    expect(ownReport.rows.some((r) => r.account === "招行（缺一行）")).toBe(false);
    expect(sumOf(ownReport.rows, "breaks")).toBe(0n);
    await expect(runReport("rollforward", owner, { ...MONTH, account: account.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const filters = await resolveReportFilters(db, owner.orgId, MONTH);
    await expect(standardReport("rollforward")!.drill(db, scopeOf(owner), filters, { account: account.id, currency: "CNY" }, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(standardReport("rollforward")!.drill(db, scopeOf(owner), filters, { account: account.id, currency: "CNY", extra: "1" }, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("资金账户余额调节 over several statements of one account", () => {
  it("chains two halves of a statement by their days, whichever was imported first", async () => {
    const bankFile = month.files.find((file) => file.format === "cmb-statement")!;
    const [header, ...body] = fs.readFileSync(bankFile.path, "utf8").trimEnd().split("\n");
    const half = Math.floor(body.length / 2);
    const first = path.join(outDir, "cmb-first-half.csv");
    const second = path.join(outDir, "cmb-second-half.csv");
    fs.writeFileSync(first, [header, ...body.slice(0, half)].join("\n") + "\n");
    fs.writeFileSync(second, [header, ...body.slice(half)].join("\n") + "\n");
    const org = await makeOrg("分段导入公司");
    const account = await createFundAccount(db, org, { name: "招行（两段）", type: "BANK", institution: "招商银行", accountNumber: null, currency: "CNY" });
    for (const file of [second, first]) {
      const result = await importFile(db, getPgPool(), org, { fileName: path.basename(file), source: fs.createReadStream(file), fundAccountId: account.id });
      expect(result.status).toBe("COMMITTED");
    }
    await refreshReceivablesAndRollups(getPgPool(), org.orgId);
    const whole = (await runReport("rollforward", owner, MONTH)).rows.find((row) => row.account === bankFile.storeOrAccount.name)!;
    const [row] = (await runReport("rollforward", org, MONTH)).rows;
    expect(row).toMatchObject({ breaks: 0n, difference: 0n, opening: whole.opening, printedClosing: whole.printedClosing, in: whole.in, out: whole.out, rows: whole.rows });
  });
});

describe("资金账户余额调节 on real bank exports", () => {
  const PERIOD = { from: "2024-01-01", to: "2025-12-31" };
  let org: OrgContext;

  async function importInto(file: string, name: string, type: "BANK" | "WECHAT") {
    const account = await createFundAccount(db, org, { name, type, institution: null, accountNumber: null, currency: "CNY" });
    const result = await importFile(db, getPgPool(), org, { fileName: path.basename(file), source: fs.createReadStream(path.join(FIXTURES, file)), fundAccountId: account.id, skipInvalid: true });
    expect(result.status, file).toBe("COMMITTED");
    return account;
  }

  /** The importer's own balance check of the file (the first row where its chain breaks). */
  async function importerBreak(file: string): Promise<number | null | undefined> {
    const parsed = await parseImportBuffer({ fileName: path.basename(file), data: fs.readFileSync(path.join(FIXTURES, file)) });
    if (!parsed.ok) throw new Error(file);
    const collector = new StatementFactsCollector();
    for (const row of parsed.rows as BankTransactionRow[]) collector.add(row);
    return collector.result().balance?.brokenAtRow;
  }

  beforeAll(async () => {
    org = await makeOrg("真实流水公司");
    await importInto("bank-boc/example-boc-debit-records.csv", "中行（倒序）", "BANK");
    await importInto("bank-cmb/example-cmb-debit-records.csv", "招行样例", "BANK");
    await importInto("wechat/example-wechat-records.csv", "微信零钱", "WECHAT");
    await refreshReceivablesAndRollups(getPgPool(), org.orgId);
  }, 120_000);

  it("ties the BOC export, listed newest first, to its own balances with no break", async () => {
    const report = await runReport("rollforward", org, PERIOD);
    const boc = report.rows.find((row) => row.account === "中行（倒序）")!;
    // By hand from the file: the oldest row (2025-08-01 08:57:00, +1,000.00) prints 3,813.58, the
    // newest (2025-08-22 17:57:17) 3,240.28; in: 50.00 + 5,771.00 + 3,000.00 + 1,000.00.
    expect(boc).toMatchObject({ type: "BANK", opening: 281358n, in: 982100n, out: 939430n, computedClosing: 324028n, printedClosing: 324028n, difference: 0n, rows: 17n, breaks: 0n });
    expect(await importerBreak("bank-boc/example-boc-debit-records.csv")).toBeNull();
    const { rows } = await drillAll("rollforward", org, PERIOD, report.drill![report.rows.indexOf(boc)]!, 5);
    expect(rows.map((r) => r.sourceRow)).toEqual(Array.from({ length: 17 }, (_, i) => BigInt(19 - i)));
    expect(rows.every((r) => r.computedBalance === r.printedBalance)).toBe(true);
  });

  it("lists each break of the (anonymised) CMB sample, the first where the importer's check stops", async () => {
    const report = await runReport("rollforward", org, PERIOD);
    const cmb = report.rows.find((row) => row.account === "招行样例")!;
    // Rows 2–6 as printed: +1,234.00 → 1,271.66; −1,000.00 → 271.66; −3.00 → 81.22 (expected 268.66);
    // −1,000.00 → 123.45 (expected −918.78); −10.14 → 1,218.24 (expected 113.31).
    expect(cmb).toMatchObject({ opening: 3766n, in: 123400n, out: 201314n, computedClosing: -74148n, printedClosing: 121824n, difference: 195972n, breaks: 3n });
    const { rows, first } = await drillAll("rollforward", org, PERIOD, { ...report.drill![report.rows.indexOf(cmb)]!, breaks: "1" }, 2);
    expect(first.count).toBe(3);
    const broken = rows.filter((r) => r.role === "break");
    expect(broken.map((r) => [r.sourceRow, r.difference])).toEqual([
      [4n, 8122n - 26866n],
      [5n, 12345n - -91878n],
      [6n, 121824n - 11331n],
    ]);
    expect(broken[0]!.sourceRow).toBe(BigInt((await importerBreak("bank-cmb/example-cmb-debit-records.csv"))!));
  });

  it("says so when a statement prints no balance, and leaves the balance cells empty", async () => {
    const report = await runReport("rollforward", org, PERIOD);
    const wechat = report.rows.find((row) => row.account === "微信零钱")!;
    const account = await db.fundAccount.findFirstOrThrow({ where: { orgId: org.orgId, name: "微信零钱" } });
    const count = await db.bankTransaction.count({ where: { orgId: org.orgId, fundAccountId: account.id, occurredOn: { gte: new Date(PERIOD.from), lte: new Date(PERIOD.to) } } });
    expect(wechat).toMatchObject({ type: "WECHAT", opening: null, computedClosing: null, printedClosing: null, difference: null, breaks: 0n, rows: BigInt(count) });
    expect(report.notes).toContainEqual({ key: "reports.rollforward.notes.noBalance", values: { accounts: "微信零钱", count: 1 } });
    // Balances are not added up when one of them is unknown; movements are.
    expect(report.totals.opening).toBeUndefined();
    expect(report.totals.in).toBe(sumOf(report.rows, "in"));
  });
});


describe("结算明细 on a generated month", () => {
  let truth: WithdrawalRecord[];
  let lineTruth: Map<string, (LineRecord & { orderNo: string; inExport: boolean })[]>;
  let walletTruth: WalletLineRecord[];
  let report: ReportResult;

  beforeAll(async () => {
    truth = [];
    walletTruth = [];
    lineTruth = new Map();
    for await (const record of readGroundTruth(month.groundTruthPath)) {
      if (record.type === "withdrawal") truth.push(record);
      if (record.type === "walletLine") walletTruth.push(record);
      if (record.type === "order") {
        for (const line of record.lines) {
          if (line.withdrawal) lineTruth.set(line.withdrawal, [...(lineTruth.get(line.withdrawal) ?? []), { ...line, orderNo: record.orderNo, inExport: record.inExport }]);
        }
      }
    }
    report = await runReport("payouts", owner, MONTH);
  });

  const rowFor = (id: string) => report.rows.filter((row) => typeof row.reference === "string" && (row.reference === id || row.reference.includes(id)));

  it("lists each wallet withdrawal and bill 提现 with the lines it swept and the bank receipt it arrived as, or in transit", async () => {
    const withdrawals = truth.filter((record) => record.kind === "WITHDRAWAL" && record.at.slice(0, 7) === "2025-03");
    expect(withdrawals.length).toBeGreaterThan(10);
    expect(report.rows.length).toBeGreaterThan(withdrawals.length);
    for (const record of withdrawals) {
      const rows = rowFor(record.id);
      expect(rows, record.id).toHaveLength(1);
      const row = rows[0]!;
      expect(row, record.id).toMatchObject({
        day: record.at.slice(0, 10),
        amount: BigInt(record.amount),
        lines: BigInt(record.grouped.lines),
        // The month's first Alipay withdrawal also took money carried in from before the month: no
        // line of the month shows it (the group records it as a CARRIED_IN_BALANCE adjustment).
        notTraced: BigInt(record.carriedIn ?? 0),
        receivedOn: record.bank?.on ?? null,
        received: BigInt(record.bank?.amount ?? 0),
        inTransit: record.bank ? 0n : BigInt(record.amount),
      });
      // What the swept lines add up to, by the truth's line types; orders are those in the export
      // (an order of last month is not imported, so nothing ties its lines to it).
      const lines = lineTruth.get(record.id) ?? [];
      const byType = (...types: string[]) => lines.filter((line) => types.includes(line.type)).reduce((sum, line) => sum + BigInt(line.amount), 0n);
      expect(row.orders, record.id).toBe(BigInt(new Set(lines.filter((line) => line.inExport).map((line) => line.orderNo)).size));
      expect(row.sales, record.id).toBe(byType("SALE"));
      // Wallet movements of no order swept along are the generator's 推广充值 (advertising paid from
      // the wallet): a promotion fee, as the engine's wallet words read it.
      const topUps = walletTruth.filter((line) => line.withdrawal === record.id);
      expect(topUps.every((line) => line.description.includes("推广") || line.amount > 0)).toBe(true);
      const topUpMinor = topUps.reduce((sum, line) => sum + BigInt(line.amount), 0n);
      expect(row.fees, record.id).toBe(-byType("COMMISSION", "SERVICE_FEE", "PROMOTION") - topUpMinor);
      expect(row.refunds, record.id).toBe(-byType("REFUND"));
      expect(row.other, record.id).toBe(0n);
      expect((row.sales as bigint) - (row.fees as bigint) - (row.refunds as bigint) + (row.other as bigint) + BigInt(record.carriedIn ?? 0)).toBe(row.amount);
    }
  });

  it("lists the platforms' payouts straight to the bank that groups tie to orders, received on their own day", async () => {
    const direct = report.rows.filter((row) => row.platform === "JD" || row.platform === "DOUYIN");
    expect(direct.length).toBeGreaterThan(0);
    const payoutTruth = truth.filter((record) => record.kind === "PAYOUT" && record.bank);
    for (const row of direct) {
      const record = payoutTruth.find((candidate) => (row.reference as string).includes(candidate.id));
      expect(record, row.reference as string).toBeDefined();
      expect(row).toMatchObject({ day: record!.bank!.on, amount: BigInt(record!.bank!.amount), receivedOn: record!.bank!.on, received: BigInt(record!.bank!.amount), inTransit: 0n, lines: 0n });
      expect(row.orders as bigint).toBeGreaterThan(0n);
    }
  });

  it("totals every column over its rows, and each row's drill-down adds up to the row", async () => {
    for (const key of ["amount", "orders", "lines", "sales", "fees", "refunds", "other", "notTraced", "received", "kept", "inTransit"]) {
      expect(report.totals[key], key).toBe(sumOf(report.rows, key));
    }
    expect(report.rows.filter((row) => (row.lines as bigint) > 0n && (row.orders as bigint) > 0n).length).toBeGreaterThan(10);
    for (const [index, row] of report.rows.entries()) {
      const { rows, first } = await drillAll("payouts", owner, MONTH, report.drill![index]!, 400);
      expect(rows).toHaveLength(first.count);
      for (const key of ["sales", "fees", "refunds", "other", "received"]) {
        expect(first.totals[key], `${row.reference} ${key}`).toBe(row[key]);
        expect(sumOf(rows, key), `${row.reference} ${key}`).toBe(row[key]);
      }
      expect(BigInt(rows.filter((r) => r.kind === "line").length)).toBe(row.lines);
      expect(BigInt(rows.filter((r) => r.kind === "order").length)).toBe(row.orders);
      expect(first.totals).toMatchObject({ lines: row.lines, orders: row.orders });
    }
  });

  it("filters by store, platform and account, and shows nothing of another company", async () => {
    const stores = await db.store.findMany({ where: { orgId: owner.orgId } });
    const pdd = stores.find((store) => store.platform === "PDD")!;
    const byStore = await runReport("payouts", owner, { ...MONTH, store: pdd.id });
    expect(byStore.rows.length).toBeGreaterThan(0);
    expect(byStore.rows.every((row) => row.store === pdd.name && row.platform === "PDD")).toBe(true);
    expect(byStore.rows.length).toBe(report.rows.filter((row) => row.platform === "PDD").length);
    const byPlatform = await runReport("payouts", owner, { ...MONTH, platform: "JD" });
    expect(byPlatform.rows.length).toBe(report.rows.filter((row) => row.platform === "JD").length);
    const alipay = await db.fundAccount.findFirstOrThrow({ where: { orgId: owner.orgId, type: "ALIPAY" } });
    const byAccount = await runReport("payouts", owner, { ...MONTH, account: alipay.id });
    expect(byAccount.rows.length).toBeGreaterThan(0);
    expect(byAccount.rows.every((row) => row.account === alipay.name)).toBe(true);

    const other = await makeOrg("第三家公司");
    expect((await runReport("payouts", other, MONTH)).rows).toEqual([]);
    const filters = await resolveReportFilters(db, other.orgId, MONTH);
    await expect(standardReport("payouts")!.drill(db, scopeOf(other), filters, report.drill![0]!, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runReport("payouts", other, { ...MONTH, store: pdd.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(standardReport("payouts")!.drill(db, scopeOf(owner), filters, { payout: "X:1" }, { limit: 10, offset: 0 })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("says a withdrawal is in transit once no counting group ties it to a bank receipt", async () => {
    const index = report.rows.findIndex((row) => row.account !== null && (row.received as bigint) > 0n);
    const payoutId = BigInt(report.drill![index]!.payout!.slice(2));
    const [link] = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT g.id FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
        WHERE i."orgId" = $1::uuid AND i.side = 'BANK' AND i."rowId" = $2 AND g.link = 'PAYOUT_BANK' AND g.status = 'CONFIRMED'`,
      owner.orgId,
      payoutId,
    );
    await reverseMatches(db, owner, [link!.id], "测试：银行收款不对");
    await refreshReceivablesAndRollups(getPgPool(), owner.orgId);
    const after = await runReport("payouts", owner, MONTH);
    const row = after.rows[after.drill!.findIndex((key) => key?.payout === report.drill![index]!.payout)]!;
    expect(row).toMatchObject({ amount: report.rows[index]!.amount, received: 0n, receivedOn: null, kept: 0n, inTransit: report.rows[index]!.amount });
    expect(after.totals.inTransit).toBe((report.totals.inTransit as bigint) + (report.rows[index]!.amount as bigint));
    expect(after.notes).toContainEqual({ key: "reports.payouts.notes.inTransit", values: { count: report.rows.filter((r) => r.inTransit !== 0n).length + 1 } });
  });
});
