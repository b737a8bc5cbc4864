// The sentences of the overdue, fee-rate, refund and unusual-change alerts in both languages, filled
// with facts as their detectors write them: every placeholder filled, money in yuan, rates in
// percent, counts in plurals, each kind of cause in its own words.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { alertHowToClear, alertMessage, type AlertTranslator } from "@/lib/alerts/alert-message";
import type { AlertFacts } from "@/lib/alerts/alert-finding";
import type { AlertType } from "@/lib/alerts/alert-types";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const translator = (locale: "zh-CN" | "en"): AlertTranslator => createTranslator({ locale, messages: locale === "en" ? en : zh }) as unknown as AlertTranslator;

const SAMPLES: { type: AlertType; facts: AlertFacts; zh: string[]; en: string[] }[] = [
  {
    type: "OVERDUE_RECEIVABLE",
    facts: { storeName: "天猫旗舰店", orders: 1, rows: 1, days: 30, oldestDays: 69, amountMinor: "88800", largestOrderNo: "2228640000000000101", file: "tmall-orders.csv", row: 2001 },
    zh: ["天猫旗舰店 有 1 笔订单", "30 天", "888.00", "69 天", "订单 2228640000000000101", "tmall-orders.csv 第 2001 行"],
    en: ["1 order is more than 30 days past", "888.00", "69 days overdue", "tmall-orders.csv row 2001"],
  },
  {
    type: "FEE_RATE_HIGH",
    facts: { scope: "ORDER", place: "天猫旗舰店", month: "2025-03", orderNo: "T1", feeType: "COMMISSION", basis: "CONTRACT", rateBps: 1500, limitBps: 550, feeMinor: "26970", saleMinor: "179800", amountMinor: "17980", orders: 1, rows: 1, file: "alipay.csv", row: 3310 },
    zh: ["订单 T1（alipay.csv 第 3310 行）", "佣金费率为 15%", "269.70", "1,798.00", "合同费率加容差 5.5%", "179.80"],
    en: ["order T1 (alipay.csv row 3310)", "commission rate is 15%", "contracted rate plus tolerance of 5.5%", "179.80"],
  },
  {
    type: "FEE_RATE_HIGH",
    facts: { scope: "MONTH", place: "拼多多专营店", month: "2025-03", orderNo: "", feeType: "TECH_SERVICE_FEE", basis: "LEARNED", rateBps: 120, limitBps: 90, feeMinor: "12000", saleMinor: "1000000", amountMinor: "6000", orders: 12, rows: 12, file: "", row: 0 },
    zh: ["拼多多专营店 2025-03 的 12 笔订单", "技术服务费", "1.2%", "历史费率"],
    en: ["12 orders in 2025-03", "technical service fee", "learned from the store's own history"],
  },
  {
    type: "REFUND_AFTER_SETTLEMENT",
    facts: { kind: "REFUND", place: "拼多多专营店", ref: "250212-7232", day: "2025-03-31", amountMinor: "500000", minAmountMinor: "300000", rows: 1, file: "pdd-ledger.csv", row: 1870 },
    zh: ["订单 250212-7232 已结算后", "5,000.00", "3,000.00", "pdd-ledger.csv 第 1870 行"],
    en: ["order 250212-7232 was refunded", "5,000.00", "after its sale was settled", "pdd-ledger.csv row 1870"],
  },
  {
    type: "REFUND_AFTER_SETTLEMENT",
    facts: { kind: "CHARGEBACK", place: "Shopify", ref: "#1001", day: "2025-03-05", amountMinor: "12000", minAmountMinor: "300000", rows: 1, file: "payments.csv", row: 9 },
    zh: ["拒付", "120.00"],
    en: ["chargeback of", "120.00", "payments.csv row 9"],
  },
  {
    type: "REFUND_AFTER_SETTLEMENT",
    facts: { kind: "NEGATIVE_PAYOUT", place: "拼多多专营店", ref: "TX1", day: "2025-03-05", amountMinor: "5000", minAmountMinor: "300000", rows: 1, file: "pdd.csv", row: 9 },
    zh: ["结算/提现 TX1", "合计为负", "50.00"],
    en: ["payout or withdrawal TX1", "less than zero", "50.00"],
  },
  {
    type: "UNUSUAL_CHANGE",
    facts: { storeName: "天猫旗舰店", measure: "SALES", direction: "UP", day: "2025-03-20", dayMinor: "3000000", medianMinor: "500000", windowDays: 14, factorPct: 300, amountMinor: "2500000", rows: 61, file: "tmall.csv" },
    zh: ["销售额为 ¥30,000.00", "远高于前 14 天的中位数 ¥5,000.00", "25,000.00", "61 行"],
    en: ["sales on 2025-03-20 were ¥30,000.00", "far above the median of the 14 days before", "61 rows that day"],
  },
  {
    type: "UNUSUAL_CHANGE",
    facts: { storeName: "抖音小店", measure: "FEES", direction: "DOWN", day: "2025-03-20", dayMinor: "0", medianMinor: "900000", windowDays: 1, factorPct: 300, amountMinor: "900000", rows: 0, file: "" },
    zh: ["费用为 ¥0.00", "远低于"],
    en: ["fees on 2025-03-20", "far below the median of the day before", "0 rows that day"],
  },
];

describe("overdue, fee-rate, refund and unusual-change alert sentences", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it.each(SAMPLES.map((sample, index) => ({ ...sample, index, locale })))(`$type (sample $index) in ${locale}`, ({ type, facts, zh: zhParts, en: enParts }) => {
      const t = translator(locale);
      const sentence = alertMessage(t, { type, facts, currency: "CNY" }, locale);
      expect(sentence).not.toMatch(/[{}]/);
      for (const part of locale === "en" ? enParts : zhParts) expect(sentence).toContain(part);
      expect(alertHowToClear(t, type).length).toBeGreaterThan(10);
    });
  }
});
