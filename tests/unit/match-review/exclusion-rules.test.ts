// The suggestion rules for "not for reconciliation" are conservative: clear evidence or nothing.
import { describe, expect, it } from "vitest";
import { accountDigits, PLATFORM_WORDS, suggestForBankRow, suggestForOrder } from "@/lib/match-review/exclusion-rules";

const context = { ownAccounts: [{ id: "own-1", name: "建行一般户", digits: "6217000099998888" }], platformWords: PLATFORM_WORDS };
const row = (fields: Partial<Parameters<typeof suggestForBankRow>[0]>) => ({ amountMinor: -100n, counterparty: null, counterpartyAccount: null, memo: null, accountId: "bank-1", ...fields });

describe("suggestForOrder", () => {
  it("suggests a closed or cancelled order with nothing received and no bill line", () => {
    for (const status of ["交易关闭", "已关闭", "已取消", "Cancelled"]) {
      expect(suggestForOrder({ status, paidMinor: 1990n, receivedMinor: null, hasBillLines: false })).toEqual({ reason: "CLOSED_ORDER", why: { kind: "closedOrder", status } });
    }
  });
  it("stays silent when money arrived, a bill line names it, or the status says nothing of closing", () => {
    expect(suggestForOrder({ status: "已取消", paidMinor: 1990n, receivedMinor: 1500n, hasBillLines: false })).toBeNull();
    expect(suggestForOrder({ status: "交易关闭", paidMinor: 1990n, receivedMinor: 0n, hasBillLines: true })).toBeNull();
    expect(suggestForOrder({ status: "已完成", paidMinor: 1990n, receivedMinor: null, hasBillLines: false })).toBeNull();
    expect(suggestForOrder({ status: null, paidMinor: 1990n, receivedMinor: null, hasBillLines: false })).toBeNull();
  });
});

describe("suggestForBankRow", () => {
  it("names a transfer to or from another of the company's own accounts, however the number is spaced", () => {
    expect(suggestForBankRow(row({ counterpartyAccount: "6217 0000 9999 8888" }), context)).toEqual({ reason: "OWN_TRANSFER", why: { kind: "ownAccount", account: "建行一般户" } });
    // The row's own account is not a transfer.
    expect(suggestForBankRow(row({ counterpartyAccount: "6217000099998888", accountId: "own-1" }), context)).toBeNull();
    expect(accountDigits("12-34")).toBeNull();
  });
  it("puts salary, rent and tax by one clear word; salary only when money goes out", () => {
    expect(suggestForBankRow(row({ memo: "代发工资" }), context)?.reason).toBe("SALARY");
    expect(suggestForBankRow(row({ memo: "工资退回", amountMinor: 100n }), context)).toBeNull();
    expect(suggestForBankRow(row({ counterparty: "某物业", memo: "三月房租" }), context)?.reason).toBe("RENT");
    expect(suggestForBankRow(row({ counterparty: "国家金库上海市分库", memo: "增值税" }), context)?.reason).toBe("TAX");
  });
  it("never suggests a platform's money, and stays silent when two categories compete", () => {
    expect(suggestForBankRow(row({ counterparty: "支付宝（中国）网络技术有限公司", memo: "工资" }), context)).toBeNull();
    expect(suggestForBankRow(row({ memo: "提现 房租" }), context)).toBeNull();
    expect(suggestForBankRow(row({ memo: "房租 工资" }), context)).toBeNull();
    expect(suggestForBankRow(row({ memo: "货款" }), context)).toBeNull();
  });
});
