// Any other bank statement whose header uses common names: a date, and either an amount plus a 借/贷
// (or 收/支, Dr/Cr) marker, one signed amount beside a running balance, or split 收入/支出 (借方/贷方)
// columns. It scores below every specific format so it only catches what nothing else claims.
// One amount with neither a marker nor a balance is not claimed: whether a positive number is money
// in (a bank) or money out (a card statement) cannot be known from the file, so the person says so
// once on the mapping screen and the saved mapping remembers it. With a balance the preview proves
// the sign: a row whose balance moves the other way refuses the file (statement-facts).
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { parseDirection } from "./shared/money-direction";
import { abs, currencyFrom, joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";

export const GENERIC_BANK_COLUMNS = {
  date: ["交易日期", "记账日期", "入账日期", "发生日期", "日期", "交易时间", "date", "transaction date", "posting date", "booking date", "value date"],
  time: ["交易时间", "记账时间", "时间", "time"],
  amount: ["交易金额", "金额", "发生额", "amount", "transaction amount"],
  inflow: ["收入金额", "收入", "贷方金额", "贷方发生额", "存入金额", "存入", "credit", "credit amount", "money in", "deposit"],
  outflow: ["支出金额", "支出", "借方金额", "借方发生额", "支取金额", "支取", "debit", "debit amount", "money out", "withdrawal"],
  direction: ["借贷标志", "借贷标记", "借贷方向", "借/贷", "借贷", "收支", "收/支", "收付标志", "收/付", "收付", "进出账标志", "进账/出账", "转入/转出", "资金方向", "交易方向", "方向", "dr/cr", "cr/dr", "debit/credit", "d/c", "c/d"],
  balance: ["余额", "账户余额", "联机余额", "交易后余额", "balance"],
  currency: ["币种", "币别", "货币", "currency"],
  counterparty: ["对方户名", "对方名称", "对方账户名", "交易对方", "对方单位", "收/付款人", "counterparty", "payee", "payer", "name"],
  counterpartyAccount: ["对方账号", "对方账户", "对方卡号", "对方卡号/账号", "counterparty account", "account"],
  memo: ["摘要", "用途", "附言", "备注", "交易摘要", "交易说明", "说明", "description", "memo", "narrative", "details", "remark"],
  reference: ["流水号", "交易流水号", "凭证号", "交易参考号", "交易号", "reference", "transaction id", "reference number"],
} as const;
const G = GENERIC_BANK_COLUMNS;

export const genericBank = defineFormat({
  id: "generic-bank",
  kind: "bank",
  keyNamespace: "bank",
  label: { "zh-CN": "通用银行流水", en: "Bank statement (generic)" },
  anchorColumn: G.date,
  statementAccount: { numberLabels: ["账号", "帐号", "卡号", "账户"], nameLabels: ["户名", "账户名称", "账户名"] },
  detect(header, preamble) {
    const withMarker = scoreHeader(header, preamble, { required: [G.date, G.amount, G.direction], optional: [G.balance, G.counterparty, G.memo], maxScore: 0.45 });
    const withBalance = scoreHeader(header, preamble, { required: [G.date, G.amount, G.balance], optional: [G.counterparty, G.memo], maxScore: 0.45 });
    const withSplit = scoreHeader(header, preamble, { required: [G.date, G.inflow, G.outflow], optional: [G.balance, G.counterparty, G.memo], maxScore: 0.45 });
    return Math.max(withMarker, withBalance, withSplit);
  },
  mapRow(row) {
    const when = row.dateTime(G.date, { required: true });
    const currency = currencyFrom(row, G.currency, "CNY");
    const decimals = currencyDecimals(currency);
    // "交易时间" may be the only date column (holding date and time); read it as a time column only
    // when it is a different column from the date.
    const timeColumn = row.indexOf(G.time);
    const time = timeColumn !== undefined && timeColumn !== row.indexOf(G.date) ? row.timeOfDay(G.time) : undefined;
    let amount: bigint | undefined;
    if (row.has(G.inflow) && row.has(G.outflow) && row.text(G.amount) === undefined) {
      amount = netOfSplitColumns(row, G.inflow, G.outflow, { decimals });
    } else {
      const written = row.amount(G.amount, { required: true, decimals });
      const marker = row.text(G.direction);
      if (written !== undefined && marker !== undefined) {
        const direction = parseDirection(marker);
        if (direction === null || direction === "neutral") {
          row.error("INVALID_DIRECTION", G.direction, { value: marker });
        } else {
          amount = abs(written) * BigInt(direction);
        }
      } else {
        amount = written;
      }
    }
    if (!when || amount === undefined) return null;
    const reference = row.text(G.reference);
    return {
      ...occurredFields(when, time),
      amountMinor: amount,
      currency,
      balanceMinor: row.balance(G.balance, { decimals }),
      reference,
      counterparty: row.text(G.counterparty),
      counterpartyAccount: row.text(G.counterpartyAccount),
      memo: joinText(row.text(G.memo)),
    };
  },
});
