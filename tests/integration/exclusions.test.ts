// Issue 14, "every open item has a way out": rows marked not for reconciliation (with a reason,
// audited both ways, refused in a locked month and over a proposal or match, another company's id
// not found), skipped by runs and the open lists; suggestions only on clear evidence; and a month
// that will not close over open items without the person's confirmation, keeping them for the report.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore } from "@/lib/stores/store-service";
import { defaultRules } from "@/lib/match-engine";
import { monthChecklist } from "@/lib/match-review/close-checklist";
import { loadCloseReport } from "@/lib/match-review/close-report";
import { listExcludedRows, listExclusionSuggestions } from "@/lib/match-review/exclusion-lists";
import { acceptExclusionSuggestions, excludeRows, restoreRows } from "@/lib/match-review/exclusions";
import { listUnmatched } from "@/lib/match-review/list-unmatched";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { lockMonth, reopenMonth, submitMonth } from "@/lib/match-review/periods";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, makeOrg } from "./fixtures";

type Org = { owner: OrgContext; accountant: OrgContext; reviewer: OrgContext; storeId: string; bankId: string };

async function makeExclusionOrg(): Promise<Org> {
  const owner = await makeOrg("不参与对账测试");
  const store = await createStore(db, owner, STORE_INPUT);
  const bank = await createFundAccount(db, owner, { ...ACCOUNT_INPUT, accountNumber: "6214 8300 1111 2222" });
  return { owner, accountant: await addUser(owner, "ACCOUNTANT"), reviewer: await addUser(owner, "REVIEWER"), storeId: store.id, bankId: bank.id };
}

const batchId = randomUUID();

async function order(org: Org, orderNo: string, paidMinor: bigint, options: { paidAt?: string; status?: string; received?: bigint } = {}) {
  const row = await db.order.create({
    data: {
      orgId: org.owner.orgId, storeId: org.storeId, batchId, sourceRow: 2, orderNo, paidAmountMinor: paidMinor, currency: "CNY",
      paidAt: new Date(options.paidAt ?? "2025-03-05T10:00:00Z"), status: options.status, merchantReceivedMinor: options.received, naturalKey: `${orderNo}-${randomUUID()}`,
    },
  });
  return { side: "order" as const, id: row.id.toString() };
}

async function bankRow(org: Org, amountMinor: bigint, fields: { occurredOn?: string; memo?: string; counterparty?: string; counterpartyAccount?: string; reference?: string } = {}) {
  const row = await db.bankTransaction.create({
    data: {
      orgId: org.owner.orgId, fundAccountId: org.bankId, batchId, sourceRow: 5, occurredOn: new Date(`${fields.occurredOn ?? "2025-03-10"}T00:00:00Z`), amountMinor, currency: "CNY",
      memo: fields.memo ?? "货款", counterparty: fields.counterparty ?? "浙江天猫技术有限公司", counterpartyAccount: fields.counterpartyAccount, reference: fields.reference, naturalKey: randomUUID(),
    },
  });
  return { side: "bank" as const, id: row.id.toString() };
}

const inTx = <T>(body: (tx: typeof db) => Promise<T>) => db.$transaction((tx) => body(tx as typeof db));
const unmatchedBank = async (org: Org) => listUnmatched(db, org.owner.orgId, "bank", "up", { page: 1 }, defaultRules());

describe("marking rows not for reconciliation", () => {
  it("takes the rows out of 未匹配 and its totals, lists them with reason and who, audits both ways, and restores them", async () => {
    const org = await makeExclusionOrg();
    const rent = await bankRow(org, -500_000n, { memo: "三月房租", counterparty: "某某物业", reference: "R-RENT" });
    await bankRow(org, 10_000n);
    expect((await unmatchedBank(org)).total).toBe(2);

    await expect(excludeRows(db, org.accountant, { rows: [rent], reason: "OTHER" })).rejects.toMatchObject({ messageKey: "exclusionNoteRequired", field: "note" });
    expect(await excludeRows(db, org.accountant, { rows: [rent], reason: "RENT", note: "三月" })).toEqual({ marked: 1, alreadyMarked: 0 });
    const after = await unmatchedBank(org);
    expect(after.total).toBe(1);
    expect(after.remainingMinor).toBe(10_000n);

    const listed = await listExcludedRows(db, org.owner.orgId, { page: 1, pageSize: 50 });
    expect(listed.rows).toMatchObject([{ side: "bank", id: rent.id, ref: "R-RENT", reason: "RENT", note: "三月", amountMinor: -500_000n }]);
    expect(listed.rows[0]!.createdBy).not.toBe("");

    expect(await restoreRows(db, org.accountant, [rent])).toBe(1);
    expect((await unmatchedBank(org)).total).toBe(2);
    const audit = await db.auditLog.findMany({ where: { orgId: org.owner.orgId, action: { in: ["row.exclude", "row.restore"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["row.exclude", "row.restore"]);
    expect(audit[0]!.after).toMatchObject({ reason: "RENT", note: "三月", rows: [{ side: "BANK", id: rent.id, ref: "R-RENT" }] });
    expect(audit[1]!.before).toMatchObject({ rows: [{ side: "BANK", id: rent.id, reason: "RENT" }] });
    // Restoring a row that is not marked is as unknown as another company's.
    await expect(restoreRows(db, org.accountant, [rent])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers not found for another company's row, and changes nothing", async () => {
    const org = await makeExclusionOrg();
    const other = await makeExclusionOrg();
    const theirs = await bankRow(other, -100n, { memo: "工资" });
    await expect(excludeRows(db, org.accountant, { rows: [theirs], reason: "SALARY" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await excludeRows(db, other.accountant, { rows: [theirs], reason: "SALARY" });
    await expect(restoreRows(db, org.accountant, [theirs])).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.excludedRow.count({ where: { orgId: other.owner.orgId } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: org.owner.orgId, action: { startsWith: "row." } } })).toBe(0);
  });

  it("is refused in a locked month, and for a row a match holds; a marked row cannot be matched", async () => {
    const org = await makeExclusionOrg();
    const o = await order(org, "A-1", 5_000n);
    const b = await bankRow(org, 5_000n);
    const matched = await inTx((tx) => createManualMatch(tx, org.accountant, { upstream: [o], downstream: [b], adjustments: [] }));
    expect(matched.status).toBe("CONFIRMED");
    await expect(excludeRows(db, org.accountant, { rows: [b], reason: "OTHER", note: "x" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "exclusionRowMatched" });

    const tax = await bankRow(org, -30_000n, { memo: "增值税", counterparty: "国家金库", occurredOn: "2025-04-15" });
    const free = await order(org, "F-1", 2_000n, { paidAt: "2025-04-02T08:00:00Z" });
    await excludeRows(db, org.accountant, { rows: [free], reason: "OTHER", note: "样品" });
    const freeReceipt = await bankRow(org, 2_000n, { occurredOn: "2025-04-03" });
    await expect(inTx((tx) => createManualMatch(tx, org.accountant, { upstream: [free], downstream: [freeReceipt], adjustments: [] }))).rejects.toMatchObject({
      messageKey: "matchRowExcluded",
      params: { ref: "F-1" },
    });

    await inTx((tx) => submitMonth(tx, org.accountant, "2025-04", { confirmOpenItems: true }));
    await inTx((tx) => lockMonth(tx, org.reviewer, "2025-04", { confirmOpenItems: true }));
    await expect(excludeRows(db, org.accountant, { rows: [tax], reason: "TAX" })).rejects.toMatchObject({ code: "LOCKED", messageKey: "exclusionMonthLocked", params: { month: "2025-04" } });
    await expect(restoreRows(db, org.accountant, [free])).rejects.toMatchObject({ code: "LOCKED" });
    await inTx((tx) => reopenMonth(tx, org.owner, "2025-04", "补标记"));
    await excludeRows(db, org.accountant, { rows: [tax], reason: "TAX" });
  });

  it("a run neither proposes nor books a marked row", async () => {
    const org = await makeExclusionOrg();
    const o = await order(org, "L-77", 10_000n, { paidAt: "2025-08-03T08:00:00Z" });
    await db.settlementLine.create({
      data: { orgId: org.owner.orgId, storeId: org.storeId, batchId, sourceRow: 9, lineType: "SALE", orderNo: "L-77", amountMinor: 10_000n, currency: "CNY", occurredOn: new Date("2025-08-10T00:00:00Z"), naturalKey: randomUUID() },
    });
    await excludeRows(db, org.accountant, { rows: [o], reason: "OTHER", note: "测试单" });
    const run = await runReconciliation(db, org.accountant);
    expect(run.autoConfirmed + run.proposed).toBe(0);
    expect(await db.matchItem.count({ where: { orgId: org.owner.orgId, side: "ORDER", rowId: BigInt(o.id) } })).toBe(0);
    await restoreRows(db, org.accountant, [o]);
    const again = await runReconciliation(db, org.accountant);
    expect(again.autoConfirmed + again.proposed).toBe(1);
  });
});

describe("suggestions", () => {
  it("suggests closed orders without money and non-platform bank rows, conservatively, and accepts them in bulk", async () => {
    const org = await makeExclusionOrg();
    const other = await createFundAccount(db, org.owner, { ...ACCOUNT_INPUT, name: "建行一般户", accountNumber: "6217000099998888" });
    const closed = await order(org, "C-1", 1_990n, { status: "已关闭", received: 0n });
    await order(org, "C-2", 1_990n, { status: "已取消", received: 1_500n }); // money arrived: not suggested
    await order(org, "C-3", 1_990n, { status: "已完成" });
    const billed = await order(org, "C-4", 1_990n, { status: "交易关闭" });
    await db.settlementLine.create({
      data: { orgId: org.owner.orgId, storeId: org.storeId, batchId, sourceRow: 3, lineType: "REFUND", orderNo: "C-4", amountMinor: -1_990n, currency: "CNY", occurredOn: new Date("2025-03-06T00:00:00Z"), naturalKey: randomUUID() },
    });
    const transfer = await bankRow(org, -1_000_000n, { memo: "调拨", counterparty: "本公司", counterpartyAccount: "6217 0000 9999 8888" });
    const salary = await bankRow(org, -800_000n, { memo: "代发工资", counterparty: "员工" });
    await bankRow(org, 800_000n, { memo: "工资退回", counterparty: "员工" }); // money in: not salary paid
    await bankRow(org, -12_000n, { memo: "支付宝提现 工资", counterparty: "支付宝（中国）网络技术有限公司" }); // a platform's: never
    await bankRow(org, -50_000n, { memo: "房租 工资", counterparty: "某公司" }); // two categories: none

    const suggestions = await listExclusionSuggestions(db, org.owner.orgId, defaultRules());
    expect(suggestions.map((row) => [row.side, row.id, row.reason]).sort()).toEqual(
      [
        ["order", closed.id, "CLOSED_ORDER"],
        ["bank", transfer.id, "OWN_TRANSFER"],
        ["bank", salary.id, "SALARY"],
      ].sort(),
    );
    expect(suggestions.find((row) => row.side === "bank" && row.id === transfer.id)?.why).toEqual({ kind: "ownAccount", account: other.name });
    expect(suggestions.some((row) => row.side === "order" && row.id === billed.id)).toBe(false);
    // Nothing is marked by being suggested.
    expect(await db.excludedRow.count({ where: { orgId: org.owner.orgId } })).toBe(0);

    expect(await acceptExclusionSuggestions(db, org.accountant, suggestions.map(({ side, id, reason }) => ({ side, id, reason })))).toEqual({ marked: 3 });
    expect((await db.excludedRow.findMany({ where: { orgId: org.owner.orgId } })).map((row) => row.reason).sort()).toEqual(["CLOSED_ORDER", "OWN_TRANSFER", "SALARY"]);
    expect(await listExclusionSuggestions(db, org.owner.orgId, defaultRules())).toEqual([]);
  });
});

describe("closing a month with open items", () => {
  it("refuses to submit without confirmation, says what is open, and keeps it for the report even once matched later", async () => {
    const org = await makeExclusionOrg();
    const o = await order(org, "OPEN-1", 12_300n, { paidAt: "2025-05-03T08:00:00Z" });
    const rent = await bankRow(org, -400_000n, { occurredOn: "2025-05-05", memo: "五月房租", reference: "RENT-5" });
    await excludeRows(db, org.accountant, { rows: [rent], reason: "RENT" });

    const checklist = await monthChecklist(db, org.owner.orgId, "2025-05");
    expect(checklist).toMatchObject({ openRows: 1, openProposals: 0, pendingApprovals: 0, excludedRows: 1, groups: [{ list: "orders", count: 1, remainingMinor: 12_300n }] });
    await expect(inTx((tx) => submitMonth(tx, org.accountant, "2025-05"))).rejects.toMatchObject({ code: "CONFLICT", messageKey: "monthHasOpenItems", params: { rows: 1, proposals: 0 } });
    expect(await db.period.count({ where: { orgId: org.owner.orgId } })).toBe(0);

    await inTx((tx) => submitMonth(tx, org.accountant, "2025-05", { confirmOpenItems: true }));
    // Matched after submission: the report still shows what was open then.
    const receipt = await bankRow(org, 12_300n, { occurredOn: "2025-06-02" });
    await inTx((tx) => createManualMatch(tx, org.accountant, { upstream: [o], downstream: [receipt], adjustments: [] }));
    expect((await monthChecklist(db, org.owner.orgId, "2025-05")).openRows).toBe(0);
    const report = await loadCloseReport(db, org.owner.orgId, "2025-05");
    expect(report.status).toBe("SUBMITTED");
    expect(report.snapshot).toMatchObject({ step: "SUBMIT", confirmedOpenItems: true, facts: { openRows: 1, excludedRows: 1, items: [{ side: "order", id: o.id, ref: "OPEN-1", remainingMinor: 12_300n }] } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: org.owner.orgId, action: "period.submit" } });
    expect(audit.after).toMatchObject({ status: "SUBMITTED", openRows: 1, confirmedOpenItems: true });
  });

  it("submits without a confirmation when nothing is open", async () => {
    const org = await makeExclusionOrg();
    const o = await order(org, "DONE-1", 5_000n, { paidAt: "2025-07-03T08:00:00Z" });
    const receipt = await bankRow(org, 5_000n, { occurredOn: "2025-07-04" });
    await inTx((tx) => createManualMatch(tx, org.accountant, { upstream: [o], downstream: [receipt], adjustments: [] }));
    await inTx((tx) => submitMonth(tx, org.accountant, "2025-07"));
    expect((await loadCloseReport(db, org.owner.orgId, "2025-07")).snapshot).toMatchObject({ confirmedOpenItems: false, facts: { openRows: 0, items: [] } });
  });
});
