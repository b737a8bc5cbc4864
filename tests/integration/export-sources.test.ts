// The export sources of 未匹配, 月结, 数据导入 and 操作日志, written to XLSX in one REPEATABLE READ
// transaction as the export job does, and read back: the file holds exactly the rows the page's own
// list function returns for the same filters, in its order, money as numbers with the yuan format,
// the page's totals, never another company's rows; a filter the page refuses is refused.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { toAuditRows } from "@/lib/audit/audit-rows";
import { loadAuditLookups } from "@/lib/audit/load-audit-lookups";
import { writePdf, writeXlsx } from "@/lib/export";
import type { ExportContext, ExportParams } from "@/lib/export-sources/export-source";
import { EXPORT_SOURCES, type ExportSourceId } from "@/lib/export-sources/export-sources";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { listImportBatches } from "@/lib/import-batches/batch-queries";
import { defaultRules } from "@/lib/match-engine";
import { loadCloseReport } from "@/lib/match-review/close-report";
import { listUnmatched, unmatchedFilterSchema, type UnmatchedList } from "@/lib/match-review/list-unmatched";
import { lockMonth, submitMonth } from "@/lib/match-review/periods";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, fillGroupFacts, makeOrg } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-sources-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rules = defaultRules();
const YUAN = "¥#,##0.00;-¥#,##0.00";
const day = (text: string) => new Date(`${text}T00:00:00Z`);

function exportContext(org: OrgContext, locale: "zh-CN" | "en" = "zh-CN"): ExportContext {
  return { orgId: org.orgId, orgName: org.orgName, timeZone: "Asia/Shanghai", locale, t: exportTranslator(locale), requestedBy: "王会计", requestedById: null, requestedAt: new Date() };
}

type ReadBack = { rowCount: number; header: string[]; rows: Record<string, ExcelJS.CellValue>[]; cells: ExcelJS.Row[]; totals: Record<string, ExcelJS.CellValue>; sheet: ExcelJS.Worksheet; file: string };

/** Describe and write in one snapshot (as the export job does), then read the file back by column key. */
async function exportXlsx(id: ExportSourceId, org: OrgContext, params: ExportParams = {}, locale: "zh-CN" | "en" = "zh-CN"): Promise<ReadBack> {
  const file = path.join(dir, `${id}-${randomUUID()}.xlsx`);
  const { rowCount, keys } = await db.$transaction(
    async (tx) => {
      const { table, rowCount } = await EXPORT_SOURCES[id].describe(tx, exportContext(org, locale), params);
      await writeXlsx(table, file, { locale });
      return { rowCount, keys: table.columns.map((column) => column.key) };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  // The header row is the frozen one.
  const headerRow = (sheet.views[0] as { ySplit: number }).ySplit;
  const header = keys.map((_, i) => String(sheet.getRow(headerRow).getCell(i + 1).value));
  const byKey = (row: ExcelJS.Row) => Object.fromEntries(keys.map((key, i) => [key, row.getCell(i + 1).value]));
  const cells: ExcelJS.Row[] = [];
  for (let n = headerRow + 1; n < sheet.rowCount; n++) cells.push(sheet.getRow(n));
  return { rowCount, header, rows: cells.map(byKey), cells, totals: byKey(sheet.getRow(sheet.rowCount)), sheet, file };
}

const yuan = (minor: bigint) => Number(minor) / 100;
/** A line of the title block (公司, 报表, 期间, 筛选条件, 生成) by its label. */
function titleLine(sheet: ExcelJS.Worksheet, label: string): string {
  for (let n = 1; n < 10; n++) if (sheet.getRow(n).getCell(1).value === label) return String(sheet.getRow(n).getCell(2).value);
  throw new Error(`no title line ${label}`);
}
/** Every formula cell of a sheet: an export must have none. */
function formulas(sheet: ExcelJS.Worksheet): number {
  let found = 0;
  sheet.eachRow((row) => row.eachCell((cell) => (found += cell.type === ExcelJS.ValueType.Formula ? 1 : 0)));
  return found;
}

/** A small month of orders, bill and wallet lines and bank rows, some partly matched (as workspace-lists.test.ts). */
async function makeLedger(name: string, prefix: string) {
  const owner = await makeOrg(name);
  const orgId = owner.orgId;
  const tmall = await createStore(db, owner, STORE_INPUT);
  const pdd = await createStore(db, owner, { ...STORE_INPUT, name: "拼多多店", platform: "PDD" });
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  const wallet = await createFundAccount(db, owner, { name: "支付宝", type: "ALIPAY", institution: "支付宝", accountNumber: null, currency: "CNY" });
  const batch = await db.importBatch.create({ data: { orgId, status: "COMMITTED", fileName: `${prefix}三月.csv`, fileSha256: randomUUID(), fileSizeBytes: 1n, createdById: owner.userId } });
  let sourceRow = 1;
  const order = async (orderNo: string, paidMinor: bigint, paidOn: string, storeId = tmall.id) =>
    (
      await db.order.create({
        data: { orgId, storeId, batchId: batch.id, sourceRow: ++sourceRow, orderNo, status: "交易成功", paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date(`${paidOn}T02:00:00Z`), naturalKey: orderNo },
      })
    ).id;
  const line = async (lineType: "SALE" | "COMMISSION" | "WITHDRAWAL", amountMinor: bigint, occurredOn: string, extra: { orderNo?: string; payoutId?: string; memo?: string } = {}) =>
    (await db.settlementLine.create({ data: { orgId, storeId: tmall.id, batchId: batch.id, sourceRow: ++sourceRow, lineType, amountMinor, currency: "CNY", occurredOn: day(occurredOn), naturalKey: randomUUID(), ...extra } })).id;
  const bankRow = async (accountId: string, amountMinor: bigint, occurredOn: string, extra: { reference?: string; memo?: string; counterparty?: string } = {}) =>
    (await db.bankTransaction.create({ data: { orgId, fundAccountId: accountId, batchId: batch.id, sourceRow: ++sourceRow, amountMinor, currency: "CNY", occurredOn: day(occurredOn), naturalKey: randomUUID(), ...extra } })).id;
  type Item = { side: "ORDER" | "SETTLEMENT" | "BANK"; rowId: bigint; slot: "UP" | "DOWN"; amountMinor: bigint };
  const group = async (status: "PROPOSED" | "CONFIRMED", items: Item[], adjustments: { type: "COMMISSION" | "FEE"; amountMinor: bigint }[] = []) => {
    const created = await db.matchGroup.create({ data: { orgId, key: randomUUID(), kind: "AUTO", status, pass: 1, rule: "ORDER_NO", link: "ORDER_BANK", confidence: 90, items: { create: items }, adjustments: { create: adjustments } } });
    await fillGroupFacts(orgId, created.id);
  };

  const o1 = await order(`${prefix}T-1001`, 10_000n, "2025-03-05");
  await order(`${prefix}P-2002`, 20_000n, "2025-03-06", pdd.id);
  const o3 = await order(`${prefix}T-1003`, 5_000n, "2025-03-20");
  const o4 = await order(`${prefix}T-1004`, 8_000n, "2025-03-02");
  const sale = await line("SALE", 10_000n, "2025-03-08", { orderNo: `${prefix}T-1001`, memo: "交易收入" });
  const commission = await line("COMMISSION", -500n, "2025-03-08", { orderNo: `${prefix}T-1001`, memo: "技术服务费" });
  await line("WITHDRAWAL", -9_500n, "2025-03-09", { payoutId: `${prefix}PO-77`, memo: "提现" });
  await bankRow(wallet.id, -30_000n, "2025-03-10", { reference: `${prefix}ALI-1`, memo: "提现-实时提现" });
  await bankRow(wallet.id, 12_000n, "2025-03-11", { reference: `${prefix}ALI-2`, memo: "交易收款" });
  const b1 = await bankRow(bank.id, 9_500n, "2025-03-12", { reference: `${prefix}CMB-1`, counterparty: "浙江天猫技术有限公司" });
  await bankRow(bank.id, 50_000n, "2025-03-13", { reference: `${prefix}CMB-2`, counterparty: "上海寻梦信息技术有限公司" });
  const b3 = await bankRow(bank.id, -2_000n, "2025-03-14", { reference: `${prefix}CMB-3`, counterparty: "房东" });

  // O4 paid by B1 (¥15.00 of B1 left, explained by a ¥15.00 fee); a proposal on O1 takes nothing.
  await group("CONFIRMED", [{ side: "ORDER", rowId: o4, slot: "DOWN", amountMinor: -8_000n }, { side: "BANK", rowId: b1, slot: "UP", amountMinor: 8_000n }], [{ type: "FEE", amountMinor: 1_500n }]);
  await group("PROPOSED", [{ side: "ORDER", rowId: o1, slot: "DOWN", amountMinor: -10_000n }, { side: "SETTLEMENT", rowId: sale, slot: "UP", amountMinor: 10_000n }, { side: "SETTLEMENT", rowId: commission, slot: "UP", amountMinor: -500n }], [{ type: "COMMISSION", amountMinor: 500n }]);
  // The rent payment is marked not for reconciliation.
  await db.excludedRow.create({ data: { orgId, side: "BANK", rowId: b3, reason: "RENT", note: "三月房租", createdById: owner.userId } });
  return { owner, orgId, tmall, pdd, bank, wallet, batch, ids: { o1, o3, o4, b1, b3 } };
}

describe("export source: unmatched (one pane of 未匹配)", () => {
  const PANES: [UnmatchedList, "left" | "right", "down" | "up"][] = [
    ["orders", "left", "down"],
    ["lines", "left", "down"],
    ["lines", "right", "up"],
    ["bank", "right", "up"],
  ];

  it("holds every row the pane lists, in its order, with the pane's 合计, and no other company's rows", async () => {
    const ledger = await makeLedger("未匹配导出", "");
    const other = await makeLedger("别家公司", "X-");
    for (const [list, pane, slot] of PANES) {
      const page = await listUnmatched(db, ledger.orgId, list, slot, unmatchedFilterSchema.parse({}), rules, 1000);
      const file = await exportXlsx("unmatched", ledger.owner, { list, pane });
      expect(file.rowCount, `${list} ${pane}`).toBe(page.total);
      expect(file.rows.map((row) => [row.ref, row.remaining, row.amount]), `${list} ${pane}`).toEqual(page.rows.map((row) => [row.ref ?? row.detail, yuan(row.remainingMinor), yuan(row.amountMinor)]));
      expect(file.rows.map((row) => row.source)).toEqual(page.rows.map((row) => `${row.file} 第 ${row.sourceRow} 行`));
      expect(file.totals.day).toBe(`合计（${page.total} 行）`);
      expect(file.totals.remaining).toBe(yuan(page.remainingMinor));
      expect(file.rows.some((row) => String(row.ref).startsWith("X-"))).toBe(false);
      expect(formulas(file.sheet)).toBe(0);
    }
    // The other company's own export has its rows (so the check above could fail).
    expect((await exportXlsx("unmatched", other.owner, { list: "orders" })).rows.map((row) => row.ref)).toContain("X-T-1001");

    const orders = await exportXlsx("unmatched", ledger.owner, { list: "orders" });
    expect(orders.header).toEqual(["日期", "单号 / 参考号", "说明 / 备注", "店铺 / 账户", "原始金额", "未匹配金额", "建议", "备注", "来源文件"]);
    expect(orders.sheet.getCell("A1").value).toBe("未匹配 · 订单");
    const first = orders.cells[0]!;
    expect(first.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(6).numFmt).toBe(YUAN);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect(orders.rows[0]).toMatchObject({ ref: "T-1001", owner: "天猫旗舰店", remaining: 100, proposed: "有建议", source: "三月.csv 第 2 行" });
    // The proposal wants T-1001's bill lines on their "up" side: the right pane of lines says so.
    const rightLines = await exportXlsx("unmatched", ledger.owner, { list: "lines", pane: "right" });
    expect(rightLines.rows.filter((row) => row.proposed === "有建议").map((row) => row.ref)).toEqual(["T-1001", "T-1001"]);
    // A commission keeps its sign in 原始金额; what is left is a magnitude, as the pane's 合计 adds it up.
    expect(rightLines.rows.find((row) => row.detail === "COMMISSION 技术服务费")).toMatchObject({ amount: -5, remaining: 5 });
  });

  it("exports only the rows the pane's filters keep, in the pane's sort, with the filters in words", async () => {
    const ledger = await makeLedger("未匹配筛选导出", "");
    const cases: Record<string, string>[] = [
      { q: "T-", max: "60" },
      { owner: ledger.pdd.id },
      { from: "2025-03-06", to: "2025-03-20" },
      { sort: "remaining", dir: "desc" },
      { sort: "owner", dir: "asc" },
    ];
    for (const filters of cases) {
      const page = await listUnmatched(db, ledger.orgId, "orders", "down", unmatchedFilterSchema.parse(filters), rules, 1000);
      const file = await exportXlsx("unmatched", ledger.owner, { list: "orders", pane: "left", page: "3", size: "50", ...filters });
      expect(file.rows.map((row) => row.ref), JSON.stringify(filters)).toEqual(page.rows.map((row) => row.ref));
      expect(file.totals.remaining).toBe(yuan(page.remainingMinor));
    }
    const narrowed = await exportXlsx("unmatched", ledger.owner, { list: "orders", q: "T-", max: "60" });
    expect(narrowed.rows.map((row) => row.ref)).toEqual(["T-1003"]);
    expect(titleLine(narrowed.sheet, "筛选条件")).toContain("金额不高于: ¥60.00");
    const byStore = await exportXlsx("unmatched", ledger.owner, { list: "orders", owner: ledger.pdd.id });
    expect(byStore.rows.map((row) => row.ref)).toEqual(["P-2002"]);
    expect(titleLine(byStore.sheet, "筛选条件")).toContain("拼多多店");
  });

  it("refuses what the pane refuses, and a list the pane cannot show", async () => {
    const ledger = await makeLedger("未匹配拒绝", "");
    const other = await makeLedger("别家公司二", "X-");
    const refused = (params: ExportParams) => db.$transaction((tx) => EXPORT_SOURCES.unmatched.describe(tx, exportContext(ledger.owner), params));
    await expect(refused({ list: "orders", min: "abc" })).rejects.toMatchObject({ code: "INVALID", messageKey: "exportFilterRefused" });
    await expect(refused({ list: "orders", from: "2025-02-30" })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
    await expect(refused({ list: "orders", min: "90", max: "10" })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
    // Another company's store, and a bank account on the orders list, are not the pane's choices.
    await expect(refused({ list: "orders", owner: other.tmall.id })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
    await expect(refused({ list: "orders", owner: ledger.bank.id })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
    await expect(refused({ list: "lines" })).rejects.toMatchObject({ code: "INVALID", messageKey: "exportSourceBadParam", params: { name: "pane" } });
    await expect(refused({ list: "bank", pane: "left" })).rejects.toMatchObject({ messageKey: "exportSourceBadParam" });
    await expect(refused({ list: "refunds" })).rejects.toMatchObject({ messageKey: "exportSourceBadParam", params: { name: "list" } });
    expect(EXPORT_SOURCES.unmatched.permission).toBe("org.read");
  });
});

describe("export source: month-close (月结 close report)", () => {
  it("reads like the report: status with who submitted and locked, each list matched / open / excluded, adjustments by type, open items", async () => {
    const ledger = await makeLedger("月结导出公司", "");
    const other = await makeLedger("别家月结", "X-");
    const reviewer = await addUser(ledger.owner, "REVIEWER");
    await submitMonth(db, ledger.owner, "2025-03", { confirmOpenItems: true });
    await lockMonth(db, reviewer, "2025-03", { confirmOpenItems: true });
    const report = await loadCloseReport(db, ledger.orgId, "2025-03");

    const file = await exportXlsx("month-close", ledger.owner, { month: "2025-03" });
    expect(file.sheet.getCell("A1").value).toBe("2025-03 对账报告");
    expect(file.header).toEqual(["类别", "项目", "笔数", "金额", "说明"]);
    const rowsOf = (section: string) => file.rows.filter((row) => row.section === section);
    expect(rowsOf("状态").map((row) => [row.item, String(row.note).replace(/，.*/, "")])).toEqual([
      ["状态", "已锁定"],
      ["提交", "Owner"],
      ["锁定", "REVIEWER"],
    ]);
    // Each list's month, matched, open and excluded rows; matched + open + excluded = the month.
    const summary = rowsOf("汇总");
    for (const row of report.summary) {
      const list = { orders: "订单", lines: "账单/钱包", bank: "银行流水" }[row.list];
      const of = (item: string) => summary.find((entry) => entry.item === `${list} · ${item}`)!;
      expect([of("本月").count, of("本月").amount]).toEqual([row.rows, yuan(row.amountMinor)]);
      expect([of("未达").count, of("未达").amount]).toEqual([row.openRows, yuan(row.openMinor)]);
      expect([of("不参与对账").count, of("不参与对账").amount]).toEqual([row.excludedRows, yuan(row.excludedMinor)]);
      expect(Number(of("已匹配").count) + Number(of("未达").count) + Number(of("不参与对账").count)).toBe(row.rows);
    }
    // Bank: ¥95 + ¥500 + ¥20 this month; ¥80 of B1 matched, the rent (¥20) excluded.
    const bank = (item: string) => summary.find((entry) => entry.item === `银行流水 · ${item}`)!;
    expect([bank("本月").amount, bank("已匹配").amount, bank("不参与对账").amount, bank("已匹配").count]).toEqual([615, 80, 20, 0]);
    // The confirmed match's fee; the proposal's commission is not booked.
    expect(rowsOf("调整（按类型）").map((row) => [row.item, row.count, row.amount])).toEqual([["手续费", 1, 15]]);
    expect(rowsOf("提交/锁定时的未达账项").some((row) => String(row.item) === "订单 · T-1001")).toBe(true);
    expect(rowsOf("不参与对账的行").map((row) => row.item)).toEqual(["合计（1 行）", "流水 · CMB-3"]);
    // No grand total: the sections add up different things.
    expect(file.totals).toMatchObject({ section: `合计（${file.rows.length} 行）`, count: null, amount: null });
    expect(JSON.stringify(file.rows)).not.toContain("X-");
    expect(formulas(file.sheet)).toBe(0);

    // In English every word is translated (no message key shows through).
    const english = await exportXlsx("month-close", ledger.owner, { month: "2025-03" }, "en");
    expect(english.header).toEqual(["Section", "Item", "Count", "Amount", "Notes"]);
    expect(JSON.stringify(english.rows)).not.toMatch(/exportSources\.|closeReport\.|workspace\.|exclusions\./);
    expect(english.rows.find((row) => row.item === "Fee")).toMatchObject({ count: 1, amount: 15 });

    // The other company's month is not this one's: open, with its own rows.
    const theirs = await exportXlsx("month-close", other.owner, { month: "2025-03" });
    expect(theirs.rows.find((row) => row.item === "状态")?.note).toBe("未结账");
  });

  it("writes the report as a PDF with Chinese text", async () => {
    const ledger = await makeLedger("月结PDF公司", "");
    await submitMonth(db, ledger.owner, "2025-03", { confirmOpenItems: true });
    const file = path.join(dir, "month-close.pdf");
    await db.$transaction(
      async (tx) => {
        const { table } = await EXPORT_SOURCES["month-close"].describe(tx, exportContext(ledger.owner), { month: "2025-03" });
        await writePdf(table, file, { locale: "zh-CN" });
      },
      { isolationLevel: "RepeatableRead", timeout: 60_000 },
    );
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("2025-03 对账报告");
    expect(text).toContain("已提交，待审批");
    expect(text).toContain("手续费");
    if (process.env.EXPORT_SOURCES_PNG) execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, process.env.EXPORT_SOURCES_PNG]);
  });

  it("refuses a month that is not YYYY-MM", async () => {
    const org = await makeOrg("月结参数");
    for (const month of ["2025-13", "2025-3", "", "2025-03-01"]) {
      await expect(db.$transaction((tx) => EXPORT_SOURCES["month-close"].describe(tx, exportContext(org), { month }))).rejects.toMatchObject({ code: "INVALID", messageKey: "exportSourceBadMonth" });
    }
  });
});

describe("export sources: imports and import-errors (数据导入)", () => {
  const errors = [
    { row: 12, column: "金额(元)", code: "INVALID_AMOUNT", params: { value: "12,3a" }, severity: "error" },
    { row: 15, column: "交易时间", code: "INVALID_DATE", params: { value: "2025-02-30" }, severity: "error" },
    { row: null, column: null, code: "MISSING_VALUE", params: {}, severity: "warning" },
  ];

  async function makeBatches(name: string, prefix: string) {
    const owner = await makeOrg(name);
    const store = await createStore(db, owner, STORE_INPUT);
    const batch = (fileName: string, data: Record<string, unknown>) =>
      db.importBatch.create({ data: { orgId: owner.orgId, fileName: `${prefix}${fileName}`, fileSha256: randomUUID(), fileSizeBytes: 10n, createdById: owner.userId, status: "COMMITTED", ...data } });
    const committed = await batch("订单.xlsx", { kind: "ORDERS", storeId: store.id, rowCount: 10, validCount: 10, insertedCount: 8, duplicateCount: 2, createdAt: new Date("2025-03-01T02:00:00Z") });
    const rejected = await batch("坏账单.csv", { kind: "SETTLEMENT", storeId: store.id, status: "REJECTED", rowCount: 20, validCount: 17, invalidCount: 5, warningCount: 1, errors, createdAt: new Date("2025-03-02T02:00:00Z") });
    await batch("取消了.csv", { status: "CANCELLED", createdAt: new Date("2025-03-03T02:00:00Z") });
    return { owner, committed, rejected };
  }

  it("lists every batch the page lists, newest first, with its kept errors in words, and no other company's", async () => {
    const mine = await makeBatches("导入导出公司", "");
    const other = await makeBatches("别家导入", "X-");
    const page = await listImportBatches(db, mine.owner.orgId);
    const file = await exportXlsx("imports", mine.owner);
    expect(file.rowCount).toBe(page.total);
    expect(file.rows.map((row) => row.file)).toEqual(page.batches.map((batch) => batch.fileName));
    expect(file.rows.map((row) => row.file)).toEqual(["坏账单.csv", "订单.xlsx"]);
    expect(file.rows[0]).toMatchObject({ kind: "平台结算 / 账单", target: "天猫旗舰店", status: "已拒绝", rows: 20, inserted: null, invalid: 5, warnings: 1, by: "Owner" });
    expect(file.rows[0]!.errors).toBe("第 12 行「金额(元)」列：无法识别的金额 “12,3a”；第 15 行「交易时间」列：无法识别的日期 “2025-02-30”；缺少必填的值。；只显示前 3 条，共 6 条。");
    expect(file.rows[1]).toMatchObject({ status: "已导入", rows: 10, inserted: 8, duplicates: 2, errors: null });
    expect(file.rows[1]!.time).toEqual(new Date(Date.UTC(2025, 2, 1, 10, 0, 0)));
    expect(file.totals).toMatchObject({ rows: 30, inserted: 8, duplicates: 2, invalid: 5 });
    expect(file.rows.some((row) => String(row.file).startsWith("X-"))).toBe(false);
    const english = await exportXlsx("imports", mine.owner, {}, "en");
    expect(JSON.stringify(english.rows)).not.toMatch(/imports\.|exportSources\./);
    expect((await exportXlsx("imports", other.owner)).rows.map((row) => row.file)).toEqual(["X-坏账单.csv", "X-订单.xlsx"]);
  });

  it("lists one batch's kept errors one per row; another company's batch is not found", async () => {
    const mine = await makeBatches("导入错误公司", "");
    const other = await makeBatches("别家导入错误", "X-");
    const file = await exportXlsx("import-errors", mine.owner, { batch: mine.rejected.id });
    expect(file.sheet.getCell("A1").value).toBe("错误与提示 · 坏账单.csv");
    expect(file.header).toEqual(["行", "列", "值", "类型", "说明"]);
    expect(file.rows.map((row) => [row.row, row.column, row.value, row.severity])).toEqual([
      [12, "金额(元)", "12,3a", "错误"],
      [15, "交易时间", "2025-02-30", "错误"],
      [null, null, null, "提示"],
    ]);
    const notFound = (batch: string) => db.$transaction((tx) => EXPORT_SOURCES["import-errors"].describe(tx, exportContext(mine.owner), { batch }));
    await expect(notFound(other.rejected.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(notFound("nonsense")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("export source: audit (操作日志)", () => {
  it("holds the entries the page's filters keep, newest first, with the page's sentences; another company's never", async () => {
    const ledger = await makeLedger("日志导出公司", "");
    const other = await makeLedger("别家日志", "X-");
    const pageRows = async (filter: { action?: string }) => {
      const result = await listAuditLog(db, ledger.orgId, { page: 1, pageSize: 1000, ...filter }, "Asia/Shanghai");
      return toAuditRows(result.entries, await loadAuditLookups(db, ledger.orgId, result.entries), exportTranslator("zh-CN"), "zh-CN", "Asia/Shanghai");
    };
    const all = await pageRows({});
    const file = await exportXlsx("audit", ledger.owner);
    expect(file.rowCount).toBe(all.length);
    expect(file.rows.map((row) => row.sentence)).toEqual(all.map((row) => row.sentence));
    expect(file.rows.map((row) => row.kind)).toEqual(all.map((row) => row.kind));
    expect(file.rows.map((row) => (row.time as Date).toISOString().slice(0, 19).replace("T", " "))).toEqual(all.map((row) => row.time));
    expect(file.rows.some((row) => String(row.sentence).includes("别家日志"))).toBe(false);

    const stores = await exportXlsx("audit", ledger.owner, { action: "store." });
    expect(stores.rows.map((row) => row.sentence)).toEqual((await pageRows({ action: "store." })).map((row) => row.sentence));
    expect(stores.rows.length).toBe(2);
    expect(titleLine(stores.sheet, "筛选条件")).toContain("全部店铺");
    expect(String(stores.rows[0]!.entity)).toMatch(/店/);
    expect(await exportXlsx("audit", other.owner).then((theirs) => theirs.rows.length)).toBeGreaterThan(0);
    expect(EXPORT_SOURCES.audit.permission).toBe("audit.read");
  });

  it("reads a log longer than a batch exactly once, even with entries of the same instant", async () => {
    const org = await makeOrg("大日志公司");
    const at = new Date("2025-03-01T02:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: 2_100 }, (_, i) => ({ orgId: org.orgId, actorUserId: org.userId, actorEmail: org.userEmail, action: "store.update", entityType: "Store", entityId: randomUUID(), before: { name: `店${i}` }, after: { name: `新店${i}` }, createdAt: at })),
    });
    const file = await exportXlsx("audit", org, { from: "2025-03-01", to: "2025-03-01" });
    expect(file.rowCount).toBe(2_100);
    expect(file.rows).toHaveLength(2_100);
    expect(new Set(file.rows.map((row) => row.changes)).size).toBe(2_100);
  });

  it("refuses a filter the page refuses", async () => {
    const org = await makeOrg("日志拒绝");
    const refused = (params: ExportParams) => db.$transaction((tx) => EXPORT_SOURCES.audit.describe(tx, exportContext(org), params));
    await expect(refused({ from: "2025-02-30" })).rejects.toMatchObject({ code: "INVALID", messageKey: "exportFilterRefused" });
    await expect(refused({ from: "2025-03-02", to: "2025-03-01" })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
    await expect(refused({ actor: "somebody" })).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
  });
});
