// The sentences of the duplicate-money, balance and in-transit alerts in both languages, filled with
// facts as their detectors write them: every placeholder filled, money in yuan, counts in plurals.
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
    type: "DUPLICATE_ROW",
    facts: { owner: "招商银行基本户", rows: 2, files: 2, amountMinor: "-1500000", day: "2025-03-04", fileA: "bank-cmb.csv", rowA: 5, fileB: "extra.csv", rowB: 7 },
    zh: ["招商银行基本户", "15,000.00", "bank-cmb.csv 第 5 行", "extra.csv 第 7 行"],
    en: ["15,000.00", "bank-cmb.csv row 5", "extra.csv row 7", "2 rows in all"],
  },
  {
    type: "DUPLICATE_PAYMENT",
    facts: { owner: "招商银行基本户", kind: "payout", reference: "2025031020004", payments: 2, rows: 2, amountMinor: "1173913", firstDay: "2025-03-10", lastDay: "2025-03-31" },
    zh: ["回款单号 2025031020004 到账了 2 次", "11,739.13"],
    en: ["payout 2025031020004 arrived 2 times", "11,739.13"],
  },
  {
    type: "DUPLICATE_PAYMENT",
    facts: { owner: "拼多多专营店", kind: "order", reference: "250215-7232", payments: 2, rows: 2, amountMinor: "1990", firstDay: "2025-03-01", lastDay: "2025-03-31" },
    zh: ["订单 250215-7232 收款了 2 次", "19.90"],
    en: ["order 250215-7232 was paid 2 times", "19.90"],
  },
  {
    type: "BALANCE_BREAK",
    facts: { account: "招商银行基本户", rows: 2, day: "2025-03-04", file: "bank.csv", row: 7, previousRow: 6, expectedMinor: "54074698", printedMinor: "54198154", differenceMinor: "123456" },
    zh: ["bank.csv 第 7 行", "540,746.98", "541,981.54", "1,234.56", "第 6 行"],
    en: ["bank.csv row 7", "540,746.98", "541,981.54", "1,234.56", "row 6"],
  },
  {
    type: "UNMATCHED_PLATFORM_RECEIPT",
    facts: { account: "招商银行基本户", rows: 1, day: "2025-03-08", days: 24, payer: "支付宝（中国）网络技术有限公司", file: "bank.csv", row: 40, amountMinor: "271828", remainingMinor: "271828" },
    zh: ["已 24 天", "2,718.28", "bank.csv 第 40 行"],
    en: ["after 24 days", "2,718.28", "bank.csv row 40"],
  },
  {
    type: "WITHDRAWAL_IN_TRANSIT",
    facts: { owner: "拼多多专营店", rows: 1, day: "2025-03-14", days: 1, reference: "TX2025031423", file: "pdd.csv", row: 568, amountMinor: "635493", missingMinor: "635493" },
    zh: ["TX2025031423", "6,354.93", "已 1 天"],
    en: ["after 1 day", "6,354.93", "pdd.csv row 568"],
  },
];

describe("duplicate-money, balance and in-transit alert sentences", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it.each(SAMPLES.map((sample) => ({ ...sample, locale })))(`$type in ${locale}`, ({ type, facts, zh: zhParts, en: enParts }) => {
      const t = translator(locale);
      const sentence = alertMessage(t, { type, facts, currency: "CNY" }, locale);
      expect(sentence).not.toMatch(/[{}]/);
      for (const part of locale === "en" ? enParts : zhParts) expect(sentence).toContain(part);
      expect(alertHowToClear(t, type).length).toBeGreaterThan(10);
    });
  }
});
