import { describe, expect, it } from "vitest";
import { findFormat, listFormats } from "@/lib/import";

describe("format registry", () => {
  it("lists every adapter once, with labels in both languages", () => {
    const formats = listFormats();
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
    for (const format of formats) {
      expect(format.label["zh-CN"]).toMatch(/\S/);
      expect(format.label.en).toMatch(/\S/);
      expect(findFormat(format.id)).toBe(format);
    }
    expect(formats.at(-1)?.id).toBe("generic-bank");
  });

  it.each([
    ["bank", ["alipay-transactions", "alipay-transactions-legacy", "alipay-account-ledger", "wechat-pay-bill", "icbc-statement", "ccb-statement", "cmb-statement", "boc-statement", "abc-debit-statement", "bocom-debit-statement", "icbc-corporate-statement", "icbc-corporate-history-detail", "ccb-corporate-statement", "cmb-credit-card-statement", "boc-credit-card-statement", "bocom-credit-card-statement", "citic-credit-card-statement", "cgb-credit-card-statement", "ofx-statement", "camt053-statement", "camt052-report", "camt054-notification", "mt940-statement", "paypal-activity", "jd-wallet-fund", "jd-bill", "douyin-account-ledger", "meituan-bill", "generic-card-statement", "generic-bank"]],
    ["orders", ["tmall-orders", "pdd-orders", "jd-orders", "douyin-orders", "shopify-orders"]],
    ["settlement", ["pdd-account-ledger", "amazon-settlement-v2", "amazon-settlement-flat-file", "shopify-payments", "stripe-balance-history", "stripe-payouts", "jd-settlement-detail", "jd-wallet-settlement", "jd-settled-bill", "douyin-fund-flow", "douyin-settlement-bill"]],
  ] as const)("%s formats", (kind, ids) => {
    expect(listFormats(kind).map((f) => f.id)).toEqual(ids);
  });

  it("scores a generic layout below any specific one", () => {
    const header = ["交易日期", "摘要", "交易金额(收入)", "交易金额(支出)", "记账金额(收入)", "记账金额(支出)", "余额", "对方户名"];
    const scores = listFormats().map((f) => [f.id, f.detect(header, ["明细查询文件下载"])] as const).filter(([, s]) => s > 0);
    expect(scores.sort((a, b) => b[1] - a[1])[0]?.[0]).toBe("icbc-statement");
  });
});
