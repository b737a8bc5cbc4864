// Bank of Communications (交通银行) credit-card statement, as reissued from 买单吧 (CSV): 交易日期,记账日期,
// 交易说明,交易币种/金额,入账币种/金额; the regular statement adds 卡末四位. Amounts are unsigned with the
// currency in front ("CNY 123.18"); the direction is only in the first word of 交易说明 — 消费, 分期扣款,
// 刷卡金扣回, 自动购汇扣款 are spending, 退货, 信用卡还款, 红包还款, 刷卡金返还, 自动购汇还款 money back.
// A row whose first word says neither is rejected, and so is a printed minus sign, whose meaning
// this layout does not define.
import type { RowCells } from "../normalize/row-cells";
import { currencyDecimals, normalizeCurrency } from "@/lib/money";
import { parseAmount } from "../normalize/parse-amount";
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { lastDigitsChannel } from "./shared/card-channel";
import { signByTypeWords } from "./shared/card-direction";
import { cardRowDate } from "./shared/card-statement-date";
import { occurredFields } from "./shared/row-values";

const C = {
  date: "交易日期",
  postedDate: "记账日期",
  description: "交易说明",
  original: "交易币种/金额",
  booked: "入账币种/金额",
  card: ["卡末四位", "卡号末四位"],
} as const;

const CURRENCY_AND_AMOUNT = /^([A-Za-z]{3}|人民币|美元|港币|欧元|日元|英镑)\s*(.+)$/;

/** "CNY 123.18" → currency and amount in minor units; errors on the column otherwise. */
function currencyAmount(row: RowCells): { currency: string; amount: bigint } | undefined {
  const text = row.text(C.booked);
  if (text === undefined) {
    row.error("MISSING_VALUE", C.booked, {});
    return undefined;
  }
  const match = CURRENCY_AND_AMOUNT.exec(text);
  const currency = match?.[1] ? normalizeCurrency(match[1]) : null;
  const parsed = currency && match?.[2] ? parseAmount(match[2].trim(), currencyDecimals(currency)) : null;
  if (!currency || !parsed?.ok) {
    row.error(currency || !match ? "INVALID_AMOUNT" : "UNKNOWN_CURRENCY", C.booked, { value: text.slice(0, 60) });
    return undefined;
  }
  if (parsed.value < 0n) {
    row.error("CARD_DIRECTION_CONFLICT", C.booked, { value: row.text(C.description) ?? "", amount: text.slice(0, 60) });
    return undefined;
  }
  return { currency, amount: parsed.value };
}

export const bocomCreditCardStatement = defineFormat({
  id: "bocom-credit-card-statement",
  kind: "bank",
  keyNamespace: "bocom-card",
  label: { "zh-CN": "交通银行信用卡账单", en: "Bank of Communications credit card statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "交通银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡末四位", "卡号末四位"], nameLabels: ["户名", "姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.postedDate, C.description, C.booked],
      optional: [C.original, C.card],
      preambleHints: [/交通银行|信用卡/],
    }),
  mapRow(row, file) {
    const traded = cardRowDate(row, C.date, file.preamble, { required: true });
    cardRowDate(row, C.postedDate, file.preamble);
    const booked = currencyAmount(row);
    const description = row.text(C.description);
    // The type is the first word: "消费 京东商城平台商户", "信用卡还款 转账还款-…".
    const type = description?.split(/\s+/)[0];
    if (!traded || !booked || row.hasErrors) return null;
    const amount = signByTypeWords(row, booked.amount, C.description, type);
    if (amount === undefined) return null;
    const channel = lastDigitsChannel(row, C.card);
    return {
      ...occurredFields(traded),
      amountMinor: amount,
      currency: booked.currency,
      memo: description,
      channel,
    };
  },
});
