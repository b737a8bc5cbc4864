// Undo says what it will take back before it does (describe-last-action), takes back exactly that
// action or nothing, and a manual match refuses amounts beyond what a form may carry.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore } from "@/lib/stores/store-service";
import { describeLastAction } from "@/lib/match-review/describe-last-action";
import { createManualMatch, type ManualMatchInput } from "@/lib/match-review/manual-match";
import { undoLastAction } from "@/lib/match-review/undo-last-action";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, makeOrg } from "./fixtures";

type Org = { accountant: OrgContext; orgId: string; storeId: string; bankId: string };

async function makeUndoOrg(): Promise<Org> {
  const owner = await makeOrg("撤销预览测试");
  const store = await createStore(db, owner, STORE_INPUT);
  const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
  return { accountant: await addUser(owner, "ACCOUNTANT"), orgId: owner.orgId, storeId: store.id, bankId: bank.id };
}

const batchId = randomUUID();

async function order(org: Org, orderNo: string, paidMinor: bigint) {
  const row = await db.order.create({
    data: { orgId: org.orgId, storeId: org.storeId, batchId, sourceRow: 2, orderNo, paidAmountMinor: paidMinor, currency: "CNY", paidAt: new Date("2025-03-05T10:00:00Z"), naturalKey: `${orderNo}-${randomUUID()}` },
  });
  return { side: "order" as const, id: row.id.toString() };
}

async function receipt(org: Org, amountMinor: bigint) {
  const row = await db.bankTransaction.create({
    data: { orgId: org.orgId, fundAccountId: org.bankId, batchId, sourceRow: 5, occurredOn: new Date("2025-03-10T00:00:00Z"), amountMinor, currency: "CNY", memo: "货款", naturalKey: randomUUID() },
  });
  return { side: "bank" as const, id: row.id.toString() };
}

const inTx = <T>(body: (tx: typeof db) => Promise<T>) => db.$transaction((tx) => body(tx as typeof db));
const match = (ctx: OrgContext, input: ManualMatchInput) => inTx((tx) => createManualMatch(tx, ctx, input));

describe("undo, shown before it is done", () => {
  it("describes the last action in facts, undoes exactly it, and refuses when another became the last", async () => {
    const org = await makeUndoOrg();
    expect(await describeLastAction(db, org.orgId, org.accountant.userId)).toBeNull();

    const first = await match(org.accountant, { upstream: [await order(org, "U-1", 10_000n)], downstream: [await receipt(org, 9_800n)], adjustments: [{ type: "FEE", amountMinor: 200n, note: "银行手续费" }] });
    const shown = await describeLastAction(db, org.orgId, org.accountant.userId);
    expect(shown).toMatchObject({ kind: "MATCH", groups: 1, rows: 2, amountMinor: 9_800n });

    // Another action lands (another tab) after the first was shown: undo refuses and changes nothing.
    await match(org.accountant, { upstream: [await order(org, "U-2", 500n)], downstream: [await receipt(org, 500n)], adjustments: [] });
    await expect(inTx((tx) => undoLastAction(tx, org.accountant, { expectedActionId: shown!.actionId }))).rejects.toMatchObject({ code: "CONFLICT", messageKey: "undoChanged" });
    expect(await db.matchGroup.count({ where: { orgId: org.orgId, status: "REVERSED" } })).toBe(0);

    const latest = await describeLastAction(db, org.orgId, org.accountant.userId);
    expect(latest).toMatchObject({ kind: "MATCH", groups: 1, rows: 2, amountMinor: 500n });
    const undone = await inTx((tx) => undoLastAction(tx, org.accountant, { expectedActionId: latest!.actionId }));
    expect(undone).toMatchObject({ kind: "MATCH", groups: 1, rows: 2, amountMinor: 500n });
    // The first match is now the last one to undo, and still booked.
    expect(await describeLastAction(db, org.orgId, org.accountant.userId)).toMatchObject({ kind: "MATCH", amountMinor: 9_800n });
    expect((await db.matchGroup.findUniqueOrThrow({ where: { orgId_id: { orgId: org.orgId, id: first.groupId } } })).status).not.toBe("REVERSED");
  });
});

describe("amounts a manual match accepts", () => {
  it("refuses adjustments beyond what a form may carry, even when they cancel out", async () => {
    const org = await makeUndoOrg();
    const rows = { upstream: [await order(org, "L-1", 1_000n)], downstream: [await receipt(org, 1_000n)] };
    const huge = 10n ** 15n;
    await expect(
      match(org.accountant, { ...rows, adjustments: [{ type: "OTHER", amountMinor: huge, note: "x" }, { type: "OTHER", amountMinor: -huge, note: "x" }] }),
    ).rejects.toMatchObject({ messageKey: "matchAmountTooLarge" });
    expect(await db.matchGroup.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});
