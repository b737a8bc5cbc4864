// 跟进 through the real doors (session, membership, permission, zod) on real PostgreSQL: who may
// assign, date, note and close the follow-up of unpaid orders, what it writes (one audit row per
// change, in its transaction), and that a note on a contact moves 待跟进 to 跟进中. Also when the
// worker rebuilds: a follow-up leaves the ledger as it was, a match moves it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import type { OrgContext } from "@/lib/auth/load-org-context";
import { addFollowUpNoteAction, changeFollowUpsAction } from "@/lib/actions/receivables/follow-ups";
import { writeOffOrderAction } from "@/lib/actions/receivables/write-off";
import { approveMatches } from "@/lib/match-review/approvals";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { queueReceivablesRefresh } from "@/lib/jobs/queue-receivables-refresh";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { staleOrganizations } from "@/lib/receivables/stale-receivables";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, addUser, db, makeOrg, STORE_INPUT } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const NOT_ALLOWED = /权限/;

let owner: OrgContext;
let storeId: string;
let fundAccountId: string;
const orderIds: string[] = [];

async function order(orderNo: string, paidMinor: bigint, paidAt: string) {
  const row = await db.order.create({
    data: { orgId: owner.orgId, storeId, batchId: randomUUID(), sourceRow: 2, orderNo, paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date(`${paidAt}T10:00:00Z`), naturalKey: `${orderNo}-${randomUUID()}` },
  });
  orderIds.push(row.id.toString());
}

beforeAll(async () => {
  owner = await makeOrg("跟进公司");
  storeId = (await createStore(db, owner, STORE_INPUT)).id;
  fundAccountId = (await createFundAccount(db, owner, ACCOUNT_INPUT)).id;
  await order("F-1", 10_000n, "2025-03-01");
  await order("F-2", 20_000n, "2025-03-02");
  await refreshReceivables(getPgPool(), owner.orgId);
});

afterAll(() => closePgPool());

const signInAs = async (user: OrgContext) => {
  request.token = await signIn({ id: user.userId, email: user.userEmail!, name: user.userName });
};
const change = (payload: unknown) => formData({ payload: JSON.stringify(payload) });
const keys = (...orderNos: string[]) => orderNos.map((orderNo) => ({ storeId, orderNo }));

describe("following up unpaid orders", () => {
  it("lets an ACCOUNTANT assign several orders at once, with a next date, in one audited change", async () => {
    const accountant = await addUser(owner, "ACCOUNTANT");
    await signInAs(accountant);
    const answer = await changeFollowUpsAction(IDLE, change({ orders: keys("F-1", "F-2"), ownerId: accountant.userId, nextActionOn: "2025-04-10" }));
    expect(answer).toEqual({ status: "ok", data: { orders: 2 } });
    const rows = await db.receivableFollowUp.findMany({ where: { orgId: owner.orgId }, orderBy: { orderNo: "asc" } });
    expect(rows.map((row) => [row.orderNo, row.ownerId, row.nextActionOn?.toISOString().slice(0, 10), row.state])).toEqual([
      ["F-1", accountant.userId, "2025-04-10", "OPEN"],
      ["F-2", accountant.userId, "2025-04-10", "OPEN"],
    ]);
    const audit = await db.auditLog.findMany({ where: { orgId: owner.orgId, action: "receivable.followUp" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ orders: 2, orderNos: ["F-1", "F-2"], ownerId: accountant.userId, nextActionOn: "2025-04-10" });

    // Changing only the state keeps the owner and the date.
    expect(await changeFollowUpsAction(IDLE, change({ orders: keys("F-2"), state: "RESOLVED" }))).toMatchObject({ status: "ok" });
    expect(await db.receivableFollowUp.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-2" } })).toMatchObject({ ownerId: accountant.userId, state: "RESOLVED" });
  });

  it("turns 待跟进 into 跟进中 with a note on the contact, kept as a note on the order", async () => {
    await signInAs(owner);
    await changeFollowUpsAction(IDLE, change({ orders: keys("F-1"), state: "OPEN" }));
    const answer = await addFollowUpNoteAction(IDLE, formData({ storeId, orderNo: "F-1", body: "已联系平台客服，工单号 12345" }));
    expect(answer).toMatchObject({ status: "ok" });
    expect(await db.receivableFollowUp.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-1" } })).toMatchObject({ state: "IN_PROGRESS" });
    expect(await db.note.findFirstOrThrow({ where: { orgId: owner.orgId, target: "ORDER", targetId: orderIds[0] } })).toMatchObject({ body: "已联系平台客服，工单号 12345" });
  });

  it("refuses VIEWER and REVIEWER, a stranger as owner, an unknown order and an empty change", async () => {
    for (const role of ["VIEWER", "REVIEWER"] as const) {
      await signInAs(await addUser(owner, role));
      const answer = await changeFollowUpsAction(IDLE, change({ orders: keys("F-1"), state: "RESOLVED" }));
      expect(answer).toMatchObject({ status: "error", message: expect.stringMatching(NOT_ALLOWED) });
      expect(await addFollowUpNoteAction(IDLE, formData({ storeId, orderNo: "F-1", body: "x" }))).toMatchObject({ status: "error", message: expect.stringMatching(NOT_ALLOWED) });
    }
    await signInAs(owner);
    const stranger = await makeOrg("别家公司");
    expect(await changeFollowUpsAction(IDLE, change({ orders: keys("F-1"), ownerId: stranger.userId }))).toMatchObject({ status: "error", message: "负责人必须是本公司的成员。" });
    expect(await changeFollowUpsAction(IDLE, change({ orders: keys("F-1", "NO-SUCH"), state: "RESOLVED" }))).toMatchObject({ status: "error", message: expect.stringContaining("找不到") });
    expect(await changeFollowUpsAction(IDLE, change({ orders: keys("F-1") }))).toMatchObject({ status: "error" });
    expect(await db.receivableFollowUp.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-1" } })).toMatchObject({ state: "IN_PROGRESS" });
  });

  it("writes off what the platform never settled as bad debt, waiting for a reviewer, and closes the order once rebuilt", async () => {
    await order("F-3", 30_000n, "2025-03-03");
    await refreshReceivables(getPgPool(), owner.orgId);
    await signInAs(await addUser(owner, "VIEWER"));
    expect(await writeOffOrderAction(IDLE, formData({ storeId, orderNo: "F-3", note: "买家失联，平台无法追回" }))).toMatchObject({ status: "error", message: expect.stringMatching(NOT_ALLOWED) });
    const accountant = await addUser(owner, "ACCOUNTANT");
    await signInAs(accountant);
    const answer = await writeOffOrderAction(IDLE, formData({ storeId, orderNo: "F-3", note: "买家失联，平台无法追回" }));
    expect(answer).toMatchObject({ status: "ok", data: { amountMinor: "30000" } });
    const groupId = (answer as { data: { groupId: string } }).data.groupId;
    const group = await db.matchGroup.findFirstOrThrow({ where: { orgId: owner.orgId, id: groupId }, include: { adjustments: true } });
    expect(group).toMatchObject({ status: "PENDING_APPROVAL", kind: "MANUAL", createdById: accountant.userId });
    expect(group.adjustments.map((adjustment) => [adjustment.type, adjustment.amountMinor])).toEqual([["BAD_DEBT", 30_000n]]);
    expect(await db.receivableFollowUp.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-3" } })).toMatchObject({ state: "UNCOLLECTIBLE" });
    // Its maker cannot approve it; a reviewer can.
    await expect(approveMatches(db, accountant, [groupId])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveMatches(db, await addUser(owner, "REVIEWER"), [groupId])).resolves.toBe(1);
    await refreshReceivables(getPgPool(), owner.orgId);
    expect(await db.orderReceivable.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-3" } })).toMatchObject({ stage: "REFUNDED", badDebtMinor: 30_000n, outstandingMinor: 0n, aging: false });
    // Nothing open is left to write off.
    expect(await writeOffOrderAction(IDLE, formData({ storeId, orderNo: "F-3", note: "再次核销" }))).toMatchObject({ status: "error", message: expect.stringContaining("不能作为坏账核销") });
  });

  it("is rebuilt when the ledger moves, not when people follow up, and queued once", async () => {
    await refreshReceivables(getPgPool(), owner.orgId);
    expect(await staleOrganizations(db)).not.toContain(owner.orgId);
    await signInAs(owner);
    await changeFollowUpsAction(IDLE, change({ orders: keys("F-2"), state: "IN_PROGRESS" }));
    expect(await staleOrganizations(db)).not.toContain(owner.orgId);

    // A receipt for F-1, matched by hand: the order is now in the bank, once the rebuild ran.
    const bank = await db.bankTransaction.create({
      data: { orgId: owner.orgId, fundAccountId, batchId: randomUUID(), sourceRow: 2, occurredOn: new Date("2025-03-20"), amountMinor: 10_000n, currency: "CNY", naturalKey: randomUUID() },
    });
    await createManualMatch(db, owner, { upstream: [{ side: "order", id: orderIds[0]! }], downstream: [{ side: "bank", id: bank.id.toString() }], adjustments: [] });
    expect(await staleOrganizations(db)).toContain(owner.orgId);
    expect(await queueReceivablesRefresh(db)).toContain(owner.orgId);
    expect(await queueReceivablesRefresh(db)).not.toContain(owner.orgId);
    expect(await db.job.count({ where: { orgId: owner.orgId, kind: "receivables-refresh", status: "QUEUED" } })).toBe(1);

    await refreshReceivables(getPgPool(), owner.orgId);
    expect(await db.orderReceivable.findFirstOrThrow({ where: { orgId: owner.orgId, orderNo: "F-1" } })).toMatchObject({ stage: "RECEIVED", receivedMinor: 10_000n, outstandingMinor: 0n });
    // People's work survives the rebuild.
    expect(await db.receivableFollowUp.count({ where: { orgId: owner.orgId } })).toBe(3);
    await db.job.deleteMany({ where: { orgId: owner.orgId } });
  });
});
