// Two companies for the tenant walk. A holds real data of every kind an action can name by id
// (imported batches in every state, a reconciled month with proposals, confirmed, pending,
// rejected and reversed groups, notes, closed months, an invitation, members); B is the
// caller's company, with just enough of its own (preview batches, open rows) to pair with A's
// ids in actions that take two.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createJobRow } from "@/lib/jobs/enqueue-job";
import { requestExport } from "@/lib/export-files/request-export";
import { runExport } from "@/lib/export-files/run-export";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { describeFundAccounts, describeStores, generateMonth } from "@/lib/generate";
import { getPgPool } from "@/lib/db/pg-pool";
import { importFile } from "@/lib/import-batches/import-file";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { createInvitation } from "@/lib/members/invitation-service";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { createStore } from "@/lib/stores/store-service";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { adoptDefaultLevels } from "@/lib/receivables/receivable-settings-service";
import { createSavedReport } from "@/lib/reports/custom/saved-reports";
import { confirmProposals, rejectProposals } from "@/lib/match-review/decide-proposals";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { addNote } from "@/lib/match-review/notes";
import { lockMonth, submitMonth } from "@/lib/match-review/periods";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { ACCOUNT_INPUT, addUser, db, makeOrg, STORE_INPUT } from "../fixtures";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures");
// A layout no adapter knows: the preview fails and offers to map its columns by hand.
const UNKNOWN_LAYOUT = "记账日,金额,摘要\n2025-03-01,100.00,货款\n2025-03-02,200.00,货款\n";

export type CompanyA = {
  owner: OrgContext;
  jobs: { reading: string; run: string };
  /** A finished export of A's matched list, its file stored; and the job of one still being written. */
  exportId: string;
  exportJobId: string;
  /** One of A's orders in 回款管理. */
  receivable: { storeId: string; orderNo: string };
  /** One of A's own follow-up levels (回款设置). */
  followUpLevelId: string;
  /** A custom report A's owner saved and shared with A (自定义报表). */
  savedReportId: string;
  /** A's risk alerts (风险预警): an open one on A's store, and a resolved one (to reopen). */
  alerts: { open: string; resolved: string };
  accountant: OrgContext;
  reviewer: OrgContext;
  storeId: string;
  fundAccountId: string;
  committedBatchId: string;
  previewBatchId: string;
  unmappedBatchId: string;
  groups: { proposed: string; confirmed: string; pending: string; reversed: string; rejected: string };
  rows: { order: string; settlement: string; bank: string };
  invitationId: string;
  lockedMonth: string;
  submittedMonth: string;
};

export type CompanyB = {
  owner: OrgContext;
  settlementPreviewBatchId: string;
  bankPreviewBatchId: string;
  rows: { order: string; bank: string };
  /** B's own order in 回款管理. */
  receivable: { storeId: string; orderNo: string };
  /** B's own open risk alert. */
  alertId: string;
};

/** A risk alert as the computation would have raised it (the detectors are not what the walk tests). */
async function seedAlert(orgId: string, storeId: string, status: "NEW" | "RESOLVED") {
  const alert = await db.alert.create({
    data: {
      orgId,
      type: "OVERDUE_RECEIVABLE",
      causeKey: `STORE:${storeId}:${status}`,
      severity: "HIGH",
      status,
      amountMinor: 88_800n,
      currency: "CNY",
      storeId,
      day: new Date("2025-03-15T00:00:00Z"),
      refs: [],
      facts: { rows: 0 },
      ...(status === "RESOLVED" ? { closedAt: new Date(), note: "已到账" } : {}),
    },
  });
  return alert.id;
}

const inTx = <T>(body: (tx: typeof db) => Promise<T>) => db.$transaction((tx) => body(tx as typeof db), { timeout: 60_000 });

async function stageAndPreview(ctx: OrgContext, fileName: string, bytes: Buffer, target: { storeId?: string; fundAccountId?: string }) {
  const batch = await stageUpload(db, ctx, { fileName, source: [new Uint8Array(bytes)], ...target });
  await previewBatch(db, ctx, batch.id);
  return db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } });
}

/** A generated month, imported file by file through the same code path as the CLI. */
async function importGeneratedMonth(owner: OrgContext): Promise<string[]> {
  for (const store of describeStores()) {
    await createStore(db, owner, { name: store.name, platform: store.platform, currency: store.currency, settlementTermsDays: store.settlementTermsDays, feeRatePercent: store.feeRateBps });
  }
  for (const { key: _key, ...account } of describeFundAccounts()) await createFundAccount(db, owner, account);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "tenant-walk-"));
  try {
    const month = await generateMonth({ orders: 40, seed: 12, outDir });
    const batchIds: string[] = [];
    for (const file of month.files) {
      const target = file.storeOrAccount;
      const ids =
        target.type === "store"
          ? { storeId: (await db.store.findFirstOrThrow({ where: { orgId: owner.orgId, name: target.name } })).id }
          : { fundAccountId: (await db.fundAccount.findFirstOrThrow({ where: { orgId: owner.orgId, name: target.name } })).id };
      const result = await importFile(db, getPgPool(), owner, { fileName: file.name, source: fs.createReadStream(file.path), ...ids });
      if (result.status !== "COMMITTED") throw new Error(`tenant walk seed: ${file.name} was ${result.status}`);
      batchIds.push(result.batchId);
    }
    return batchIds;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** An order and its bank receipt, outside the generated month, for manual matches. */
async function orderAndReceipt(ctx: OrgContext, storeId: string, fundAccountId: string, orderNo: string, paidMinor: bigint, receivedMinor: bigint, day: string) {
  const batchId = randomUUID();
  const order = await db.order.create({
    data: { orgId: ctx.orgId, storeId, batchId, sourceRow: 2, orderNo, paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date(`${day}T10:00:00Z`), naturalKey: `${orderNo}-${randomUUID()}` },
  });
  const bank = await db.bankTransaction.create({
    data: { orgId: ctx.orgId, fundAccountId, batchId, sourceRow: 5, occurredOn: new Date(`${day}T00:00:00Z`), amountMinor: receivedMinor, currency: "CNY", memo: "货款", naturalKey: randomUUID() },
  });
  return { order: { side: "order" as const, id: order.id.toString() }, bank: { side: "bank" as const, id: bank.id.toString() } };
}

export async function seedCompanyA(): Promise<CompanyA> {
  const owner = await makeOrg("甲公司（被访问方）");
  const accountant = await addUser(owner, "ACCOUNTANT");
  const reviewer = await addUser(owner, "REVIEWER");
  await addUser(owner, "VIEWER");
  const batchIds = await importGeneratedMonth(owner);

  await runReconciliation(db, owner);
  const proposed = await db.matchGroup.findMany({ where: { orgId: owner.orgId, status: "PROPOSED" }, orderBy: { id: "asc" }, take: 3 });
  if (proposed.length < 3) throw new Error(`tenant walk seed: the run proposed ${proposed.length} groups, 3 needed`);
  await inTx((tx) => confirmProposals(tx, accountant, [proposed[1]!.id]));
  await inTx((tx) => rejectProposals(tx, accountant, [proposed[2]!.id]));

  const store = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId }, orderBy: { createdAt: "asc" } });
  const bankAccount = await db.fundAccount.findFirstOrThrow({ where: { orgId: owner.orgId, type: "BANK" } });
  // A fee write-off waits for a reviewer; a clean match is then unmatched.
  const pendingRows = await orderAndReceipt(accountant, store.id, bankAccount.id, "WALK-1", 10_000n, 9_800n, "2025-05-06");
  const pending = await inTx((tx) => createManualMatch(tx, accountant, { upstream: [pendingRows.order], downstream: [pendingRows.bank], adjustments: [{ type: "FEE", amountMinor: 200n, note: "手续费" }] }));
  if (pending.status !== "PENDING_APPROVAL") throw new Error("tenant walk seed: the write-off did not wait for approval");
  const reversedRows = await orderAndReceipt(accountant, store.id, bankAccount.id, "WALK-2", 7_000n, 7_000n, "2025-05-07");
  const reversed = await inTx((tx) => createManualMatch(tx, accountant, { upstream: [reversedRows.order], downstream: [reversedRows.bank], adjustments: [] }));
  await inTx((tx) => reverseMatches(tx, accountant, [reversed.groupId], "对错了"));

  const openRows = await orderAndReceipt(accountant, store.id, bankAccount.id, "WALK-3", 5_000n, 5_000n, "2025-05-08");
  const settlement = await db.settlementLine.findFirstOrThrow({ where: { orgId: owner.orgId }, orderBy: { id: "asc" } });
  await inTx((tx) => addNote(tx, accountant, { target: "ORDER", targetId: openRows.order.id, body: "客户说下周付款" }));
  await inTx((tx) => addNote(tx, accountant, { target: "GROUP", targetId: proposed[0]!.id, body: "待核对" }));

  const lockedMonth = "2024-01";
  const submittedMonth = "2024-02";
  await inTx((tx) => submitMonth(tx, accountant, lockedMonth, { confirmOpenItems: true }));
  await inTx((tx) => lockMonth(tx, reviewer, lockedMonth, { confirmOpenItems: true }));
  await inTx((tx) => submitMonth(tx, accountant, submittedMonth, { confirmOpenItems: true }));

  await createInvitation(db, owner, { email: `invitee-${randomUUID().slice(0, 8)}@test.local`, role: "VIEWER" });
  const invitation = await db.invitation.findFirstOrThrow({ where: { orgId: owner.orgId } });

  const cmb = fs.readFileSync(path.join(FIXTURES, "bank-cmb/example-cmb-debit-records.csv"));
  const preview = await stageAndPreview(owner, "招行流水.csv", cmb, { fundAccountId: bankAccount.id });
  if (preview.status !== "PREVIEW") throw new Error(`tenant walk seed: the CMB fixture is ${preview.status}, not PREVIEW`);
  const unmapped = await stageAndPreview(owner, "未知格式.csv", Buffer.from(UNKNOWN_LAYOUT), {});
  if (unmapped.status !== "FAILED") throw new Error(`tenant walk seed: the unknown layout is ${unmapped.status}, not FAILED`);

  // Work in progress of A's: a file being read and a run, each held by a (pretend) worker.
  const worker = { status: "RUNNING" as const, workerId: "tenant-walk:0:0" };
  const readingJob = await createJobRow(db, "import-preview", { orgId: owner.orgId, batchId: preview.id }, worker);
  const runJob = await createJobRow(db, "reconcile-run", { orgId: owner.orgId, runId: randomUUID() }, worker);

  // A file A exported: its line, its bytes, its download.
  const exported = await requestExport(db, { ...owner, role: "OWNER" }, { source: "matched", format: "XLSX", locale: "zh-CN", params: {} });
  await runExport({ db, progress: () => {} }, owner.orgId, exported.id);
  const exporting = await requestExport(db, { ...owner, role: "OWNER" }, { source: "matched", format: "PDF", locale: "zh-CN", params: {} });
  const exportJob = await createJobRow(db, "export-file", { orgId: owner.orgId, exportId: exporting.id }, worker);

  // A's receivables, rebuilt from its ledger: an order to follow up.
  await refreshReceivables(getPgPool(), owner.orgId);
  const receivable = await db.orderReceivable.findFirstOrThrow({ where: { orgId: owner.orgId }, orderBy: [{ storeId: "asc" }, { orderNo: "asc" }] });
  // A's own follow-up levels and aging buckets.
  const words = { name: "甲的级别", action: "甲的处理方式" };
  const [followUpLevel] = await adoptDefaultLevels(db, owner, { remind: words, chase: words, escalate: words, writeOff: words });
  await db.receivableSettings.create({ data: { orgId: owner.orgId, notDueBucketDays: [5], overdueBucketDays: [10, 20] } });
  // A's shared custom report: visible to all of A, so only the company boundary hides it from B.
  const savedReport = await createSavedReport(db, { ...owner, role: "OWNER" }, { name: "甲的报表", shared: true, spec: { version: 1, source: "orders", dimensions: ["store"], measures: ["count", "paid"] } });
  // A's risk alerts on its store: one open, one resolved.
  const alerts = { open: await seedAlert(owner.orgId, store.id, "NEW"), resolved: await seedAlert(owner.orgId, store.id, "RESOLVED") };

  return {
    receivable: { storeId: receivable.storeId, orderNo: receivable.orderNo },
    followUpLevelId: followUpLevel!.id,
    savedReportId: savedReport.id,
    alerts,
    owner,
    accountant,
    reviewer,
    exportId: exported.id,
    exportJobId: exportJob.id,
    jobs: { reading: readingJob.id, run: runJob.id },
    storeId: store.id,
    fundAccountId: bankAccount.id,
    committedBatchId: batchIds[0]!,
    previewBatchId: preview.id,
    unmappedBatchId: unmapped.id,
    groups: { proposed: proposed[0]!.id, confirmed: proposed[1]!.id, rejected: proposed[2]!.id, pending: pending.groupId, reversed: reversed.groupId },
    rows: { order: openRows.order.id, settlement: settlement.id.toString(), bank: openRows.bank.id },
    invitationId: invitation.id,
    lockedMonth,
    submittedMonth,
  };
}

export async function seedCompanyB(): Promise<CompanyB> {
  const owner = await makeOrg("乙公司（调用方）");
  const amazon = await createStore(db, owner, { ...STORE_INPUT, name: "Amazon", platform: "AMAZON", currency: "USD" });
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  const amazonFile = fs.readFileSync(path.join(FIXTURES, "amazon-settlement/settlement-sample.txt"));
  const settlementPreview = await stageAndPreview(owner, "settlement.txt", amazonFile, { storeId: amazon.id });
  const cmb = fs.readFileSync(path.join(FIXTURES, "bank-cmb/example-cmb-debit-records.csv"));
  const bankPreview = await stageAndPreview(owner, "招行流水.csv", cmb, { fundAccountId: bank.id });
  for (const batch of [settlementPreview, bankPreview]) {
    if (batch.status !== "PREVIEW") throw new Error(`tenant walk seed: B's ${batch.fileName} is ${batch.status}, not PREVIEW`);
  }
  const tmall = await createStore(db, owner, STORE_INPUT);
  const rows = await orderAndReceipt(owner, tmall.id, bank.id, "B-1", 5_000n, 5_000n, "2025-05-08");
  await refreshReceivables(getPgPool(), owner.orgId);
  const alertId = await seedAlert(owner.orgId, tmall.id, "NEW");
  return { owner, settlementPreviewBatchId: settlementPreview.id, bankPreviewBatchId: bankPreview.id, rows: { order: rows.order.id, bank: rows.bank.id }, receivable: { storeId: tmall.id, orderNo: "B-1" }, alertId };
}
