// Any other credit-card statement: recognisably a card's (a preamble or header saying 信用卡 / credit
// card, or a 卡号末四位-style column), with a date, an amount and a transaction type or description,
// and no running balance (a card statement has none; a debit account's does). Card statements print
// spending positive but layouts differ, so this adapter never trusts a sign: each row is signed only
// by its type words (交易类型 "消费" → money out, "还款"/"退货" → money in), read from 交易类型 when
// the file has it, else from the description. A row whose words do not say which way is rejected.
// It scores above generic-bank (0.45) and below every specific layout (≥ 0.6). A file that prints its
// own direction — a 借/贷 (收/支, Dr/Cr) column or split 存入/支出 columns — is left to generic-bank,
// which signs by that column: on a card, 借 (debit) is spending and 贷 (credit) a repayment, as there.
import { currencyDecimals } from "@/lib/money";
import { ColumnIndex } from "../normalize/column-names";
import { defineFormat } from "./format-adapter";
import { GENERIC_BANK_COLUMNS } from "./generic-bank";
import { signByTypeWords } from "./shared/card-direction";
import { cardRowDate } from "./shared/card-statement-date";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";

export const GENERIC_CARD_COLUMNS = {
  date: ["交易日期", "交易日", "消费日期", "记账日期", "记账日", "入账日期", "入账日", "银行记账日", "transaction date", "trans date", "posting date", "post date", "date"],
  postedDate: ["记账日期", "记账日", "入账日期", "入账日", "银行记账日", "posting date", "post date"],
  type: ["交易类型", "交易种类", "交易类别", "业务类型", "transaction type", "type"],
  description: ["交易描述", "交易摘要", "交易说明", "摘要", "描述", "商户名称", "交易商户", "description", "details", "merchant"],
  amount: ["记账金额", "入账金额", "人民币金额", "结算金额", "交易金额", "金额", "amount", "billing amount", "transaction amount"],
  currency: ["记账币种", "入账币种", "入账货币", "结算币种", "币种", "货币", "currency"],
  card: ["卡号末四位", "卡号后四位", "卡末四位", "卡号末4位", "末四位", "后四位", "卡号", "card number", "card no", "card"],
  balance: ["余额", "账户余额", "联机余额", "交易后余额", "可用余额", "balance"],
} as const;
const G = GENERIC_CARD_COLUMNS;

const LAST_DIGITS = [G.card[0], G.card[1], G.card[2], G.card[3], G.card[4], G.card[5]] as const;
const SAYS_CARD = /信用卡|credit\s*card/i;

const BASE_SCORE = 0.5;
const MAX_SCORE = 0.55;

export const genericCardStatement = defineFormat({
  id: "generic-card-statement",
  kind: "bank",
  keyNamespace: "card",
  label: { "zh-CN": "通用信用卡账单", en: "Credit card statement (generic)" },
  anchorColumn: G.date,
  statementAccount: { numberLabels: ["卡号", "card number"], lastDigitsLabels: ["卡号末四位", "卡号后四位", "卡末四位"], nameLabels: ["户名", "姓名", "持卡人"] },
  detect(header, preamble) {
    const columns = new ColumnIndex(header);
    if (!columns.has(G.date) || !columns.has(G.amount) || columns.has(G.balance)) return 0;
    const B = GENERIC_BANK_COLUMNS;
    if (columns.has(B.direction) || (columns.has(B.inflow) && columns.has(B.outflow))) return 0;
    if (!columns.has(G.type) && !columns.has(G.description)) return 0;
    const saysCard = columns.has(LAST_DIGITS) || header.some((cell) => SAYS_CARD.test(cell)) || preamble.some((line) => SAYS_CARD.test(line));
    if (!saysCard) return 0;
    const extras = [G.type, G.currency, G.card, G.postedDate].filter((names) => columns.has(names)).length;
    return Math.min(BASE_SCORE + 0.0125 * extras, MAX_SCORE);
  },
  mapRow(row, file) {
    const when = cardRowDate(row, G.date, file.preamble, { required: true });
    const currency = currencyFrom(row, G.currency, "CNY");
    const printed = row.amount(G.amount, { required: true, decimals: currencyDecimals(currency) });
    if (!when || printed === undefined || row.hasErrors) return null;
    const typeColumn = row.has(G.type) ? G.type : G.description;
    const amount = signByTypeWords(row, printed, typeColumn, row.text(typeColumn));
    if (amount === undefined) return null;
    const card = row.text(G.card);
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency,
      memo: joinText(row.text(G.type), row.text(G.description)),
      channel: card ? (/^\d{4}$/.test(card) ? `****${card}` : card) : undefined,
    };
  },
});
