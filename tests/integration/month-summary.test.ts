// The home page's month: its money and its to-do counts from the rows of that month only, with
// what counting groups took of them (the same rule as the workspace lists).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { lockMonth, submitMonth } from "@/lib/match-review/periods";
import { monthSummary, summaryMonths } from "@/lib/match-review/month-summary";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, STORE_INPUT, addUser, db, makeOrg } from "./fixtures";

const batchId = randomUUID();

describe("the month summary", () => {
  it("adds up the month's orders, receipts and what is still open, and names its close status", async () => {
    const owner = await makeOrg("月度概览测试");
    const store = await createStore(db, owner, STORE_INPUT);
    const bank = await createFundAccount(db, owner, ACCOUNT_INPUT);
    const wallet = await createFundAccount(db, owner, { ...ACCOUNT_INPUT, name: "支付宝", type: "ALIPAY", institution: "支付宝", accountNumber: "shop@example.com" });
    const order = (orderNo: string, paid: bigint, refund: bigint, paidAt: string) =>
      db.order.create({ data: { orgId: owner.orgId, storeId: store.id, batchId, sourceRow: 2, orderNo, paidAmountMinor: paid, refundMinor: refund, currency: "CNY", paidAt: new Date(paidAt), naturalKey: randomUUID() } });
    const money = (accountId: string, amount: bigint, day: string) =>
      db.bankTransaction.create({ data: { orgId: owner.orgId, fundAccountId: accountId, batchId, sourceRow: 3, occurredOn: new Date(`${day}T00:00:00Z`), amountMinor: amount, currency: "CNY", naturalKey: randomUUID() } });

    const matched = await order("M-1", 10_000n, 0n, "2025-10-03T08:00:00Z");
    await order("M-2", 5_000n, 1_000n, "2025-10-04T08:00:00Z");
    await order("N-1", 7_000n, 0n, "2025-11-01T08:00:00Z"); // another month
    const receipt = await money(bank.id, 10_000n, "2025-10-06");
    await money(bank.id, 3_000n, "2025-10-07");
    await money(bank.id, -2_000n, "2025-10-08"); // money out: not received
    await money(wallet.id, 4_000n, "2025-10-05");
    await db.matchGroup.create({
      data: {
        orgId: owner.orgId, key: "c", kind: "MANUAL", status: "CONFIRMED", pass: 0, rule: "MANUAL", link: "ORDER_BANK", confidence: 100,
        items: { create: [{ side: "ORDER", rowId: matched.id, slot: "DOWN", amountMinor: -10_000n }, { side: "BANK", rowId: receipt.id, slot: "UP", amountMinor: 10_000n }] },
      },
    });

    const october = await monthSummary(db, owner.orgId, "2025-10");
    expect(october).toMatchObject({
      status: "OPEN",
      orders: { count: 2, expectedMinor: 14_000n, open: { count: 1, remainingMinor: 5_000n } },
      bank: { count: 2, remainingMinor: 5_000n },
      receivedBankMinor: 13_000n,
      receivedWalletsMinor: 4_000n,
      proposals: 0,
      pendingApprovals: 0,
    });
    expect(october.lines.count).toBe(1); // the wallet receipt, not traced to the bank yet

    const reviewer = await addUser(owner, "REVIEWER");
    await db.$transaction((tx) => submitMonth(tx as typeof db, owner, "2025-10", { confirmOpenItems: true }));
    await db.$transaction((tx) => lockMonth(tx as typeof db, reviewer, "2025-10", { confirmOpenItems: true }));
    expect(await monthSummary(db, owner.orgId, "2025-10")).toMatchObject({ status: "LOCKED", closing: { lockedBy: "REVIEWER", submittedBy: "Owner" } });
    expect(await summaryMonths(db, owner.orgId)).toEqual(["2025-10"]);
  });
});
