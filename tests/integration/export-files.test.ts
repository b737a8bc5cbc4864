// Exports end to end below the browser: asked for (line + audit row + job), written by the job from
// the page's own query, stored in PostgreSQL, read back as the reader gets it; scoped to the company,
// deletable, expiring.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { getPgPool } from "@/lib/db/pg-pool";
import { deleteExport } from "@/lib/export-files/delete-export";
import { expireExports } from "@/lib/export-files/expire-exports";
import { exportFileBytes } from "@/lib/export-files/export-file-bytes";
import { findExport, listExports } from "@/lib/export-files/export-queries";
import { requestExport, type ExportRequester } from "@/lib/export-files/request-export";
import { runJobInline } from "@/lib/jobs/run-job-inline";
import { sweepJobs } from "@/lib/jobs/sweep-jobs";
import { groupFilterSchema, listGroups } from "@/lib/match-review/list-groups";
import { createStore } from "@/lib/stores/store-service";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, fillGroupFacts, makeOrg } from "./fixtures";

// EXPORT_PDF_KEEP=dir keeps the PDF for a person to look at.
const keep = process.env.EXPORT_PDF_KEEP;
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "export-files-"));
afterAll(() => {
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
});

async function companyWithMatches(name: string, prefix: string) {
  const owner = await makeOrg(name);
  const orgId = owner.orgId;
  const store = await createStore(db, owner, STORE_INPUT);
  const other = await createStore(db, owner, { ...STORE_INPUT, name: "拼多多店", platform: "PDD" });
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  const batch = await db.importBatch.create({ data: { orgId, status: "COMMITTED", fileName: "十一月.csv", fileSha256: `${prefix}-sha`, fileSizeBytes: 1n } });
  let sourceRow = 1;
  const match = async (orderNo: string, amount: bigint, day: string, storeId: string, status: "CONFIRMED" | "PROPOSED", commission = 0n) => {
    const order = await db.order.create({ data: { orgId, storeId, batchId: batch.id, sourceRow: ++sourceRow, orderNo, paidAmountMinor: amount, currency: "CNY", paidAt: new Date(`${day}T02:00:00Z`), naturalKey: orderNo } });
    const receipt = await db.bankTransaction.create({ data: { orgId, fundAccountId: bank.id, batchId: batch.id, sourceRow: ++sourceRow, amountMinor: amount - commission, currency: "CNY", occurredOn: new Date(`${day}T00:00:00Z`), reference: `=HYPERLINK("x")${orderNo}`, naturalKey: `b-${orderNo}` } });
    const group = await db.matchGroup.create({
      data: {
        orgId, key: orderNo, kind: "AUTO", status, pass: 1, rule: "ORDER_NO", link: "ORDER_BANK", confidence: 95,
        items: { create: [{ side: "ORDER", rowId: order.id, slot: "DOWN", amountMinor: -amount }, { side: "BANK", rowId: receipt.id, slot: "UP", amountMinor: amount - commission }] },
        adjustments: { create: commission ? [{ type: "COMMISSION", amountMinor: commission }] : [] },
      },
    });
    await fillGroupFacts(orgId, group.id);
  };
  await match(`${prefix}-1001`, 12_345n, "2026-11-03", store.id, "CONFIRMED", 345n);
  await match(`${prefix}-1002`, 99_900n, "2026-11-05", store.id, "CONFIRMED");
  await match(`${prefix}-2001`, 50_000n, "2026-11-07", other.id, "CONFIRMED");
  await match(`${prefix}-3001`, 7_000n, "2026-11-08", store.id, "PROPOSED");
  return { owner, store };
}

const requester = (ctx: Awaited<ReturnType<typeof makeOrg>>, role: ExportRequester["role"] = "OWNER"): ExportRequester => ({ ...ctx, role });

async function exportNow(who: ExportRequester, source: string, format: "XLSX" | "PDF", params: Record<string, string>, locale: "zh-CN" | "en" = "zh-CN") {
  const file = await requestExport(db, who, { source, format, locale, params });
  await runJobInline({ db, pool: getPgPool() }, "export-file", { orgId: who.orgId, exportId: file.id }, { heartbeatMs: 1_000 }).catch(() => undefined);
  return db.exportFile.findFirstOrThrow({ where: { orgId: who.orgId, id: file.id } });
}

async function bytesOf(orgId: string, id: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of exportFileBytes(db, orgId, id)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function sheetOf(orgId: string, id: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(orgId, id)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let header = 0;
  sheet.eachRow((row, number) => {
    if (!header && row.getCell(1).value === "日期") header = number;
  });
  const rows: ExcelJS.Row[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n++) rows.push(sheet.getRow(n));
  return { sheet, header: sheet.getRow(header), rows };
}

describe("exports", () => {
  it("writes the matched list with the page's filter: every filtered group, the page's totals, no other company's rows", async () => {
    const { owner, store } = await companyWithMatches("导出测试公司", "A");
    await companyWithMatches("别家公司", "B");
    const viewer = await addUser(owner, "VIEWER");
    const params = { store: store.id, page: "2", size: "1" };
    const done = await exportNow(requester(viewer, "VIEWER"), "matched", "XLSX", params);
    expect(done).toMatchObject({ status: "DONE", rowCount: 2, title: "已匹配", createdByName: viewer.userName });
    expect(done.fileName).toMatch(/^已匹配_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    expect(done.params).toEqual({ store: store.id }); // paging is not a filter: every page is exported
    expect(done.filters).toEqual([{ label: "店铺", value: store.name }]);

    const page = await listGroups(db, owner.orgId, ["CONFIRMED"], groupFilterSchema.parse({ store: store.id }), 500);
    const { header, rows } = await sheetOf(owner.orgId, done.id);
    const columns = (header.values as unknown[]).slice(1) as string[];
    const col = (label: string) => columns.indexOf(label) + 1;
    const data = rows.filter((row) => row.getCell(1).type === ExcelJS.ValueType.Date);
    expect(data).toHaveLength(page.total);
    const refs = data.map((row) => String(row.getCell(col("订单")).value));
    expect(refs.join()).toContain("A-1001");
    expect(refs.join()).toContain("A-1002");
    expect(refs.join()).not.toMatch(/A-2001|B-/);
    const amount = data[0]!.getCell(col("金额"));
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(amount.numFmt).toBe("¥#,##0.00;-¥#,##0.00");
    const totals = rows[rows.length - 1]!;
    expect(String(totals.getCell(1).value)).toContain("合计");
    expect(totals.getCell(col("金额")).value).toBe(Number(page.totals.amountMinor) / 100);
    expect(totals.getCell(col("差额")).value).toBe(Number(page.totals.differenceMinor) / 100);
    // A bank reference that looks like a formula stays text.
    const bankText = data.map((row) => row.getCell(col("银行流水")).value).join();
    expect(bankText).toContain('=HYPERLINK("x")A-1001');
    rows.forEach((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const audit = await db.auditLog.findFirst({ where: { orgId: owner.orgId, action: "export.create", entityId: done.id } });
    expect(audit).toMatchObject({ actorUserId: viewer.userId, after: { source: "matched", format: "XLSX" } });
  });

  it("lets a VIEWER export what they may see, not the audit log, and hides an audit export from them", async () => {
    const { owner } = await companyWithMatches("权限导出公司", "V");
    const viewer = await addUser(owner, "VIEWER");
    await expect(requestExport(db, requester(viewer, "VIEWER"), { source: "audit", format: "XLSX", locale: "zh-CN", params: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await exportNow(requester(owner), "audit", "XLSX", {});
    expect(audit.status).toBe("DONE");
    expect(await findExport(db, owner.orgId, "VIEWER", audit.id)).toBeNull();
    expect((await listExports(db, owner.orgId, "VIEWER")).lines.map((line) => line.id)).not.toContain(audit.id);
    expect((await listExports(db, owner.orgId, "OWNER")).lines.map((line) => line.id)).toContain(audit.id);
  });

  it("writes a PDF with searchable Chinese text", async () => {
    const { owner } = await companyWithMatches("导出PDF公司", "P");
    const done = await exportNow(requester(owner), "matched", "PDF", {});
    expect(done.status).toBe("DONE");
    const file = path.join(dir, "matched.pdf");
    fs.writeFileSync(file, await bytesOf(owner.orgId, done.id));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("已匹配");
    expect(text).toContain("导出PDF公司");
    expect(text).toContain("P-1002");
    expect(text).toMatch(/合计/);
  });

  it("ends an export whose job was never queued (the server died in between) as interrupted", async () => {
    const { owner } = await companyWithMatches("孤儿导出公司", "O");
    const line = await requestExport(db, requester(owner), { source: "matched", format: "XLSX", locale: "zh-CN", params: {} });
    await db.exportFile.update({ where: { orgId_id: { orgId: owner.orgId, id: line.id } }, data: { createdAt: new Date(Date.now() - 120_000) } });
    await sweepJobs(db, { staleAfterMs: 40_000, orphanGraceMs: 60_000, retentionDays: 28 });
    expect(await db.exportFile.findFirstOrThrow({ where: { orgId: owner.orgId, id: line.id } })).toMatchObject({ status: "FAILED", messageKey: "jobs.interrupted" });
  });

  it("refuses a filter the page refuses, and says so on the line", async () => {
    const { owner } = await companyWithMatches("筛选错误公司", "F");
    const failed = await exportNow(requester(owner), "matched", "XLSX", { min: "abc" });
    expect(failed).toMatchObject({ status: "FAILED", messageKey: "errors.exportFilterRefused", rowCount: null });
    expect(await bytesOf(owner.orgId, failed.id)).toHaveLength(0);
  });

  it("is another company's 'not found'; deleting keeps the audit row; expiry frees the bytes", async () => {
    const { owner } = await companyWithMatches("删除导出公司", "D");
    const stranger = await makeOrg("陌生公司");
    const done = await exportNow(requester(owner), "proposals", "XLSX", {});
    expect(done).toMatchObject({ status: "DONE", rowCount: 1 });
    expect(await findExport(db, stranger.orgId, "OWNER", done.id)).toBeNull();
    await expect(deleteExport(db, requester(stranger), done.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listExports(db, stranger.orgId, "OWNER")).lines).toHaveLength(0);

    const accountant = await addUser(owner, "ACCOUNTANT");
    await expect(deleteExport(db, requester(accountant, "ACCOUNTANT"), done.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const second = await exportNow(requester(owner), "matched", "XLSX", {});
    await db.exportFile.update({ where: { orgId_id: { orgId: owner.orgId, id: second.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expireExports(db)).toBeGreaterThan(0);
    expect(await bytesOf(owner.orgId, second.id)).toHaveLength(0);
    expect((await findExport(db, owner.orgId, "OWNER", second.id))?.expired).toBe(true);

    await deleteExport(db, requester(owner), done.id);
    expect(await db.exportFile.count({ where: { orgId: owner.orgId, id: done.id } })).toBe(0);
    expect(await db.exportFileChunk.count({ where: { orgId: owner.orgId, exportId: done.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: owner.orgId, action: "export.delete", entityId: done.id } })).toBe(1);
  });
});
