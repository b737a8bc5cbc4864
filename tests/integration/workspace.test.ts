// The workspace's invariants under manual work, on real PostgreSQL: no row side is allocated beyond
// its amount, every group sums to zero, a reversal frees the rows, a locked month is immutable,
// maker ≠ checker, and undo takes back exactly the last action.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore } from "@/lib/stores/store-service";
import { getApprovalThresholds, updateApprovalThresholds } from "@/lib/match-review/approval-thresholds";
import { approveMatches } from "@/lib/match-review/approvals";
import { confirmProposals, rejectProposals } from "@/lib/match-review/decide-proposals";
import { createManualMatch, type ManualMatchInput } from "@/lib/match-review/manual-match";
import { lockMonth, reopenMonth, submitMonth } from "@/lib/match-review/periods";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { undoLastAction } from "@/lib/match-review/undo-last-action";
import { loadAllocations } from "@/lib/match-review/allocations";
import { undoBatch } from "@/lib/import-batches/undo-batch";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, fillGroupFacts, makeOrg } from "./fixtures";

type Org = { owner: OrgContext; accountant: OrgContext; reviewer: OrgContext; storeId: string; bankId: string };

async function makeWorkspaceOrg(): Promise<Org> {
  const owner = await makeOrg("对账工作台测试");
  const store = await createStore(db, owner, STORE_INPUT);
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  return { owner, accountant: await addUser(owner, "ACCOUNTANT"), reviewer: await addUser(owner, "REVIEWER"), storeId: store.id, bankId: bank.id };
}

const batchId = randomUUID();

async function order(org: Org, orderNo: string, paidMinor: bigint, paidAt = "2025-03-05T10:00:00Z") {
  const row = await db.order.create({
    data: { orgId: org.owner.orgId, storeId: org.storeId, batchId, sourceRow: 2, orderNo, paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date(paidAt), naturalKey: `${orderNo}-${randomUUID()}` },
  });
  return { side: "order" as const, id: row.id.toString() };
}

async function receipt(org: Org, amountMinor: bigint, occurredOn = "2025-03-10", memo = "货款") {
  const row = await db.bankTransaction.create({
    data: { orgId: org.owner.orgId, fundAccountId: org.bankId, batchId, sourceRow: 5, occurredOn: new Date(`${occurredOn}T00:00:00Z`), amountMinor, currency: "CNY", memo, counterparty: "浙江天猫技术有限公司", naturalKey: randomUUID() },
  });
  return { side: "bank" as const, id: row.id.toString() };
}

const inTx = <T>(body: (tx: typeof db) => Promise<T>) => db.$transaction((tx) => body(tx as typeof db));
const match = (ctx: OrgContext, input: ManualMatchInput) => inTx((tx) => createManualMatch(tx, ctx, input));

async function groupSums(orgId: string) {
  const groups = await db.matchGroup.findMany({ where: { orgId }, include: { items: true, adjustments: true } });
  return groups.map((group) => group.items.reduce((sum, item) => sum + item.amountMinor, 0n) + group.adjustments.reduce((sum, a) => sum + a.amountMinor, 0n));
}

describe("manual matching", () => {
  it("books a match with a fee write-off that waits for a reviewer other than its maker", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "T-1001", 10_000n);
    // ¥2 of ¥98 received: above the default share (1 %) though below the default amount (¥100).
    const b = await receipt(org, 9_800n);

    await expect(match(org.accountant, { upstream: [o], downstream: [b], adjustments: [] })).rejects.toMatchObject({ messageKey: "matchDifferenceUnexplained" });
    await expect(match(org.accountant, { upstream: [o], downstream: [b], adjustments: [{ type: "FEE", amountMinor: 200n }] })).rejects.toMatchObject({ messageKey: "adjustmentNoteRequired" });

    const made = await match(org.accountant, { upstream: [o], downstream: [b], adjustments: [{ type: "FEE", amountMinor: 200n, note: "银行手续费" }] });
    expect(made.status).toBe("PENDING_APPROVAL");
    const group = await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.owner.orgId, id: made.groupId } }, include: { items: true, adjustments: true } });
    expect(group).toMatchObject({ kind: "MANUAL", link: "ORDER_BANK", createdById: org.accountant.userId });
    expect(group.items.map((item) => [item.side, item.slot, item.amountMinor])).toEqual([["ORDER", "DOWN", -10_000n], ["BANK", "UP", 9_800n]]);
    expect(await groupSums(org.owner.orgId)).toEqual([0n]);
    // The list facts are stored with it (lib/ledger/group-facts.ts).
    expect(group).toMatchObject({ amountMinor: 9_800n, differenceMinor: 200n, rowCount: 2 });
    expect(group.storeIds).toHaveLength(1);
    expect(group.fundAccountIds).toHaveLength(1);
    expect(group.day).not.toBeNull();

    // The maker cannot approve their own write-off, even holding an approving role.
    const makerAsReviewer = { ...org.accountant, role: "REVIEWER" as const };
    await expect(inTx((tx) => approveMatches(tx, makerAsReviewer, [made.groupId]))).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "approveOwnMatch" });
    await inTx((tx) => approveMatches(tx, org.reviewer, [made.groupId]));
    expect((await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.owner.orgId, id: made.groupId } } })).status).toBe("CONFIRMED");
    expect(await db.auditLog.count({ where: { orgId: org.owner.orgId, action: { in: ["match.create", "match.approve"] } } })).toBe(2);
  });

  it("books a write-off within the organization's thresholds at once, and one above either for approval", async () => {
    const org = await makeWorkspaceOrg();
    // A new company's defaults: write-offs above ¥100 or 1 % of the money moved wait for a reviewer.
    expect(await getApprovalThresholds(db, org.owner.orgId)).toEqual({ writeOffApprovalMinor: 10_000n, writeOffApprovalBps: 100, manualMatchApprovalMinor: 10_000_000n });
    const rounding = await match(org.accountant, { upstream: [await order(org, "W-0", 10_000n)], downstream: [await receipt(org, 9_999n)], adjustments: [{ type: "ROUNDING", amountMinor: 1n, note: "尾差" }] });
    expect(rounding.status).toBe("CONFIRMED");

    await inTx((tx) => updateApprovalThresholds(tx, org.owner, { writeOff: 100n, writeOffPercent: 100, manualMatch: 10_000_000n }));
    const small = await match(org.accountant, { upstream: [await order(org, "W-1", 10_000n)], downstream: [await receipt(org, 9_990n)], adjustments: [{ type: "ROUNDING", amountMinor: 10n, note: "尾差" }] });
    expect(small.status).toBe("CONFIRMED");
    const large = await match(org.accountant, { upstream: [await order(org, "W-2", 10_000n)], downstream: [await receipt(org, 9_800n)], adjustments: [{ type: "FEE", amountMinor: 200n, note: "手续费" }] });
    expect(large.status).toBe("PENDING_APPROVAL");
    // ¥0.90 is below ¥1 but 9 % of the ¥10 received: the share alone sends it for approval.
    const share = await match(org.accountant, { upstream: [await order(org, "W-3", 1_090n)], downstream: [await receipt(org, 1_000n)], adjustments: [{ type: "FEE", amountMinor: 90n, note: "手续费" }] });
    expect(share.status).toBe("PENDING_APPROVAL");
    expect(await db.auditLog.count({ where: { orgId: org.owner.orgId, action: "org.approvalThresholds" } })).toBe(1);
  });

  it("never allocates a row beyond its amount: splits, partial payments and a second claim", async () => {
    const org = await makeWorkspaceOrg();
    const a = await order(org, "A-1", 10_000n);
    const b = await order(org, "B-2", 20_000n);
    const c = await order(org, "C-3", 5_000n);
    const big = await receipt(org, 30_000n);

    // One receipt split across two orders, with amounts; no difference, so no approval needed.
    const split = await match(org.accountant, { upstream: [a, b], downstream: [{ ...big, amountMinor: 30_000n }], adjustments: [] });
    expect(split.status).toBe("CONFIRMED");
    await expect(match(org.accountant, { upstream: [c], downstream: [big], adjustments: [] })).rejects.toMatchObject({ messageKey: "matchRowAlreadyMatched" });

    // A partial payment: 2,000 of order C's 5,000 arrives.
    const part = await receipt(org, 2_000n);
    await match(org.accountant, { upstream: [{ ...c, amountMinor: 2_000n }], downstream: [part], adjustments: [] });
    const rest = await receipt(org, 4_000n);
    await expect(match(org.accountant, { upstream: [{ ...c, amountMinor: 4_000n }], downstream: [rest], adjustments: [] })).rejects.toMatchObject({ messageKey: "matchAmountExceedsRemaining" });
    const allocated = await loadAllocations(db, org.owner.orgId, [c]);
    expect(allocated.get(`order:${c.id}:down`)).toBe(2_000n);
    expect(await groupSums(org.owner.orgId)).toEqual([0n, 0n]);
  });

  it("a reversal frees the rows, keeps the group and its record, and cannot itself be edited", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "R-1", 8_800n);
    const b = await receipt(org, 8_800n);
    const made = await match(org.accountant, { upstream: [o], downstream: [b], adjustments: [] });
    await inTx((tx) => reverseMatches(tx, org.accountant, [made.groupId], "对错了订单"));

    const group = await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.owner.orgId, id: made.groupId } }, include: { reversal: true, items: true } });
    expect(group.status).toBe("REVERSED");
    expect(group.items).toHaveLength(2);
    expect(group.reversal).toMatchObject({ reason: "对错了订单", createdById: org.accountant.userId });
    expect((await loadAllocations(db, org.owner.orgId, [o, b])).size).toBe(0);
    await expect(db.matchReversal.deleteMany({ where: { groupId: made.groupId } })).rejects.toThrow();

    // The rows are free again: the same match can be made anew.
    expect((await match(org.accountant, { upstream: [o], downstream: [b], adjustments: [] })).status).toBe("CONFIRMED");
  });

  it("refuses rows that cannot form a hop of the chain, and rows of another organization", async () => {
    const org = await makeWorkspaceOrg();
    const other = await makeWorkspaceOrg();
    const o = await order(org, "X-1", 100n);
    const o2 = await order(org, "X-2", 100n);
    const foreign = await receipt(other, 100n);
    await expect(match(org.accountant, { upstream: [o], downstream: [o2], adjustments: [] })).rejects.toMatchObject({ messageKey: "matchLinkUnsupported" });
    await expect(match(org.accountant, { upstream: [o], downstream: [foreign], adjustments: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("month close", () => {
  it("submit → lock by another person → no change in that month → reopen by the owner with a reason", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "M-1", 5_000n, "2025-04-03T08:00:00Z");
    const b = await receipt(org, 5_000n, "2025-04-08");
    const booked = await match(org.accountant, { upstream: [o], downstream: [b], adjustments: [] });
    const late = await order(org, "M-2", 6_000n, "2025-04-20T08:00:00Z");
    const lateReceipt = await receipt(org, 6_000n, "2025-04-25");

    await inTx((tx) => submitMonth(tx, org.accountant, "2025-04", { confirmOpenItems: true }));
    await expect(inTx((tx) => lockMonth(tx, { ...org.accountant, role: "REVIEWER" }, "2025-04"))).rejects.toMatchObject({ messageKey: "approveOwnSubmission" });
    await inTx((tx) => lockMonth(tx, org.reviewer, "2025-04", { confirmOpenItems: true }));

    await expect(match(org.accountant, { upstream: [late], downstream: [lateReceipt], adjustments: [] })).rejects.toMatchObject({ code: "LOCKED", params: { month: "2025-04" } });
    await expect(inTx((tx) => reverseMatches(tx, org.accountant, [booked.groupId], "改"))).rejects.toMatchObject({ code: "LOCKED" });
    await expect(inTx((tx) => undoLastAction(tx, org.accountant))).rejects.toMatchObject({ code: "LOCKED" });
    expect((await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.owner.orgId, id: booked.groupId } } })).status).toBe("CONFIRMED");

    // An April order paid in May is matched in May: April stays closed.
    const mayReceipt = await receipt(org, 6_000n, "2025-05-02");
    expect((await match(org.accountant, { upstream: [late], downstream: [mayReceipt], adjustments: [] })).status).toBe("CONFIRMED");

    await inTx((tx) => reopenMonth(tx, org.owner, "2025-04", "银行补发了回单"));
    await inTx((tx) => reverseMatches(tx, org.accountant, [booked.groupId], "改"));
    expect(await db.auditLog.count({ where: { orgId: org.owner.orgId, action: { startsWith: "period." } } })).toBe(3);
  });
});

describe("a run and a locked month", () => {
  it("books and proposes nothing in a locked month, and does once it is reopened", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "L-77", 10_000n, "2025-08-03T08:00:00Z");
    await db.settlementLine.create({
      data: { orgId: org.owner.orgId, storeId: org.storeId, batchId, sourceRow: 9, lineType: "SALE", orderNo: "L-77", amountMinor: 10_000n, currency: "CNY", occurredOn: new Date("2025-08-10T00:00:00Z"), naturalKey: randomUUID() },
    });
    await inTx((tx) => submitMonth(tx, org.accountant, "2025-08", { confirmOpenItems: true }));
    await inTx((tx) => lockMonth(tx, org.reviewer, "2025-08", { confirmOpenItems: true }));

    const locked = await runReconciliation(db, org.accountant);
    expect(locked).toMatchObject({ autoConfirmed: 0, proposed: 0, skippedInLockedMonths: 1 });
    expect((await loadAllocations(db, org.owner.orgId, [o])).size).toBe(0);

    await inTx((tx) => reopenMonth(tx, org.owner, "2025-08", "补录八月账单"));
    const reopened = await runReconciliation(db, org.accountant);
    expect(reopened.autoConfirmed + reopened.proposed).toBe(1);
  });
});

describe("a re-run and the proposals of a locked month", () => {
  // Issue 14: a run in a locked month deleted its open proposals and said "0 / 0".
  it("keeps the proposals standing in a locked month, replaces the others, and says what it left alone", async () => {
    const org = await makeWorkspaceOrg();
    const proposal = async (key: string, rows: { side: "order" | "bank"; id: string }[]) =>
      db.matchGroup.create({
        data: {
          orgId: org.owner.orgId, key, kind: "AUTO", status: "PROPOSED", pass: 3, rule: "amount-date", link: "ORDER_BANK", confidence: 70,
          items: { create: rows.map((row) => ({ side: row.side === "order" ? "ORDER" : "BANK", rowId: BigInt(row.id), slot: row.side === "order" ? "DOWN" : "UP", amountMinor: row.side === "order" ? -5_000n : 5_000n })) },
        },
      });
    const inLocked = await proposal("locked", [await order(org, "K-1", 5_000n, "2025-09-02T08:00:00Z"), await receipt(org, 5_000n, "2025-09-04", "九月")]);
    const inOpen = await proposal("open", [await order(org, "K-2", 5_000n, "2025-10-02T08:00:00Z"), await receipt(org, 5_000n, "2025-10-04", "十月")]);
    await inTx((tx) => submitMonth(tx, org.accountant, "2025-09", { confirmOpenItems: true }));
    await inTx((tx) => lockMonth(tx, org.reviewer, "2025-09", { confirmOpenItems: true }));

    const run = await runReconciliation(db, org.accountant);
    expect(run).toMatchObject({ keptInLockedMonths: 1, lockedMonths: ["2025-09"] });
    expect(await db.matchGroup.findFirst({ where: { orgId: org.owner.orgId, id: inLocked.id } })).toMatchObject({ status: "PROPOSED" });
    expect(await db.matchGroup.findFirst({ where: { orgId: org.owner.orgId, id: inOpen.id } })).toBeNull();
  });
});

describe("undoing an import under the workspace", () => {
  it("is refused while its rows are matched or their month is locked", async () => {
    const org = await makeWorkspaceOrg();
    const batch = await db.importBatch.create({
      data: { orgId: org.owner.orgId, kind: "ORDERS", status: "COMMITTED", fileName: "orders.csv", fileSha256: randomUUID(), fileSizeBytes: 10n, storeId: org.storeId },
    });
    const row = await db.order.create({
      data: { orgId: org.owner.orgId, storeId: org.storeId, batchId: batch.id, sourceRow: 2, orderNo: "U-1", paidAmountMinor: 700n, currency: "CNY", paidAt: new Date("2025-06-02T08:00:00Z"), naturalKey: "U-1" },
    });
    const o = { side: "order" as const, id: row.id.toString() };
    const b = await receipt(org, 700n, "2025-06-05");
    const made = await match(org.accountant, { upstream: [o], downstream: [b], adjustments: [] });

    await expect(undoBatch(db, org.accountant, batch.id)).rejects.toMatchObject({ messageKey: "batchRowsMatched", params: { count: 1 } });
    await inTx((tx) => reverseMatches(tx, org.accountant, [made.groupId], "导错了文件"));
    await inTx((tx) => submitMonth(tx, org.accountant, "2025-06", { confirmOpenItems: true }));
    await inTx((tx) => lockMonth(tx, org.reviewer, "2025-06", { confirmOpenItems: true }));
    await expect(undoBatch(db, org.accountant, batch.id)).rejects.toMatchObject({ code: "LOCKED", params: { month: "2025-06" } });
    await inTx((tx) => reopenMonth(tx, org.owner, "2025-06", "撤销错误导入"));
    await undoBatch(db, org.accountant, batch.id);
    expect(await db.order.count({ where: { batchId: batch.id } })).toBe(0);
  });
});

describe("proposals and undo", () => {
  async function proposal(org: Org, rows: { side: "order" | "bank"; id: string }[], amounts: bigint[]) {
    const group = await db.matchGroup.create({
      data: { orgId: org.owner.orgId, key: `OB-${randomUUID().slice(0, 14)}`, kind: "AUTO", status: "PROPOSED", pass: 3, rule: "AMOUNT_DATE", link: "ORDER_BANK", confidence: 70 },
    });
    await db.matchItem.createMany({
      data: rows.map((row, index) => ({ orgId: org.owner.orgId, groupId: group.id, side: row.side === "order" ? ("ORDER" as const) : ("BANK" as const), rowId: BigInt(row.id), slot: row.side === "order" ? ("DOWN" as const) : ("UP" as const), amountMinor: amounts[index]! })),
    });
    await fillGroupFacts(org.owner.orgId, group.id);
    return group.id;
  }

  it("bulk confirm books what still fits and skips what a person took meanwhile; undo offers it again", async () => {
    const org = await makeWorkspaceOrg();
    const o1 = await order(org, "P-1", 1_000n);
    const b1 = await receipt(org, 1_000n);
    const o2 = await order(org, "P-2", 2_000n);
    const b2 = await receipt(org, 2_000n);
    const first = await proposal(org, [o1, b1], [-1_000n, 1_000n]);
    const second = await proposal(org, [o2, b2], [-2_000n, 2_000n]);
    const third = await proposal(org, [o2, b2], [-2_000n, 2_000n]); // the same rows again

    const result = await inTx((tx) => confirmProposals(tx, org.accountant, [first, second, third]));
    expect(result.done).toEqual([first, second].sort());
    expect(result.skipped).toEqual([{ id: third, reason: "rowsTaken" }]);

    await inTx((tx) => undoLastAction(tx, org.accountant));
    expect((await db.matchGroup.findMany({ where: { id: { in: [first, second] } } })).map((g) => g.status)).toEqual(["REVERSED", "REVERSED"]);
    expect(await db.matchGroup.count({ where: { orgId: org.owner.orgId, status: "PROPOSED", rule: "AMOUNT_DATE" } })).toBe(3);
    expect((await loadAllocations(db, org.owner.orgId, [o1, b1, o2, b2])).size).toBe(0);
  });

  it("a selection partly replaced by a re-run decides the rest and names the gone ones; none found is NOT_FOUND", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "G-1", 1_000n);
    const b = await receipt(org, 1_000n);
    const kept = await proposal(org, [o, b], [-1_000n, 1_000n]);
    const gone = randomUUID(); // as if a re-run had replaced it after the page loaded
    const result = await inTx((tx) => confirmProposals(tx, org.accountant, [kept, gone]));
    expect(result).toEqual({ done: [kept], skipped: [{ id: gone, reason: "gone" }] });
    await expect(inTx((tx) => rejectProposals(tx, org.accountant, [randomUUID()]))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a rejection remembers its pairs, and undo forgets them again", async () => {
    const org = await makeWorkspaceOrg();
    const o = await order(org, "J-1", 1_000n);
    const b = await receipt(org, 1_000n);
    const id = await proposal(org, [o, b], [-1_000n, 1_000n]);
    await inTx((tx) => rejectProposals(tx, org.accountant, [id]));
    expect(await db.rejectedPair.count({ where: { orgId: org.owner.orgId } })).toBe(1);
    await inTx((tx) => undoLastAction(tx, org.accountant));
    expect(await db.rejectedPair.count({ where: { orgId: org.owner.orgId } })).toBe(0);
    expect((await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.owner.orgId, id } } })).status).toBe("PROPOSED");
  });
});
