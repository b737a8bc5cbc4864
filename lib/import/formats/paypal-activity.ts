// PayPal activity download (Activity → Statements → Activity download, CSV): "Date","Time","TimeZone",
// "Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","To Email Address",
// "Transaction ID",…,"Reference Txn ID","Invoice Number",…,"Balance",…,"Subject","Note",
// "Balance Impact". A wallet like Alipay or WeChat Pay, so kind "bank": one row per balance movement,
// Net signed as PayPal prints it (+ received, − sent), the fee kept apart (Fee is written negative
// when charged), Balance the running balance of that row's currency. "Balance Impact" says Credit,
// Debit or Memo; a Memo row (authorisations, pending holds) moved no balance and is skipped.
// Dates follow the account's country: "1/1/2018" (US, month first), "26/06/2026" (UK/EU, day first),
// "07.09.2026" (day first). A date that reads both ways is placed by the TimeZone column when that
// names a North American or a European/Australasian zone, and refused otherwise, never guessed.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { parseDateTime, type ParsedDateTime } from "../normalize/parse-date-time";
import type { RowCells } from "../normalize/row-cells";
import { amountWithDecimalMark } from "./shared/decimal-mark";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";

const C = {
  date: "Date",
  time: "Time",
  timeZone: ["TimeZone", "Time Zone"],
  name: "Name",
  type: "Type",
  status: "Status",
  currency: "Currency",
  gross: "Gross",
  fee: "Fee",
  net: "Net",
  fromEmail: "From Email Address",
  toEmail: "To Email Address",
  transactionId: "Transaction ID",
  itemTitle: "Item Title",
  referenceTxnId: "Reference Txn ID",
  invoiceNumber: "Invoice Number",
  balance: "Balance",
  subject: "Subject",
  note: "Note",
  balanceImpact: "Balance Impact",
} as const;

// Time zones PayPal prints for accounts that write the month first (United States, Canada's
// English exports follow the same profile setting) and for those that write the day first.
// "CST" (US Central, or China Standard Time), "MST" (US Mountain, or Malaysia) and "IST" (India,
// Ireland or Israel) name more than one zone, so they decide nothing: an ambiguous date is refused.
const MONTH_FIRST_ZONES = /^(?:P[SD]T|E[SD]T|CDT|MDT|AK[SD]T|H[SD]T|America\/.+|US\/.+)$/i;
const DAY_FIRST_ZONES = /^(?:GMT|UTC|BST|WES?T|CES?T|EES?T|MSK|AE[SD]T|AC[SD]T|AWST|NZ[SD]T|Europe\/.+|Australia\/.+|Pacific\/Auckland)$/i;

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const iso = (year: string, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The calendar date of a PayPal Date cell, or why it cannot be read. */
export function paypalDate(text: string, timeZone: string | undefined): ParsedDateTime | "ambiguous" | null {
  const dotted = DOTTED.exec(text);
  if (dotted) return parseDateTime(iso(dotted[3]!, Number(dotted[2]), Number(dotted[1])));
  const slashed = SLASHED.exec(text);
  if (!slashed) return parseDateTime(text);
  const first = Number(slashed[1]);
  const second = Number(slashed[2]);
  const year = slashed[3]!;
  let monthFirst: boolean;
  if (first > 12 && second <= 12) monthFirst = false;
  else if (second > 12 && first <= 12) monthFirst = true;
  else if (first === second) monthFirst = true;
  else if (timeZone !== undefined && MONTH_FIRST_ZONES.test(timeZone)) monthFirst = true;
  else if (timeZone !== undefined && DAY_FIRST_ZONES.test(timeZone)) monthFirst = false;
  else return "ambiguous";
  return monthFirst ? parseDateTime(iso(year, first, second)) : parseDateTime(iso(year, second, first));
}

function readDate(row: RowCells): ParsedDateTime | undefined {
  const text = row.text(C.date);
  if (text === undefined) {
    row.error("MISSING_VALUE", C.date, {});
    return undefined;
  }
  const parsed = paypalDate(text, row.text(C.timeZone));
  if (parsed === null || parsed === "ambiguous") {
    row.error("INVALID_DATE", C.date, { value: text });
    return undefined;
  }
  return parsed;
}

export const paypalActivity = defineFormat({
  id: "paypal-activity",
  kind: "bank",
  keyNamespace: "paypal",
  label: { "zh-CN": "PayPal 账户活动明细", en: "PayPal activity download" },
  anchorColumn: C.date,
  statementAccount: { bank: "PayPal" },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.time, C.timeZone, C.name, C.type, C.status, C.gross, C.fee, C.net, C.transactionId],
      optional: [C.currency, C.fromEmail, C.toEmail, C.referenceTxnId, C.invoiceNumber, C.balance, C.balanceImpact],
    }),
  mapRow(row) {
    const when = readDate(row);
    const currency = currencyFrom(row, C.currency, "USD");
    const decimals = currencyDecimals(currency);
    const gross = amountWithDecimalMark(row, C.gross, { required: true, decimals });
    const fee = amountWithDecimalMark(row, C.fee, { decimals }) ?? 0n;
    const net = amountWithDecimalMark(row, C.net, { required: true, decimals });
    const reference = row.requiredText(C.transactionId);
    if (!when || gross === undefined || net === undefined || !reference) return null;
    const impact = row.text(C.balanceImpact)?.toLowerCase();
    if (impact === "memo") {
      return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.balanceImpact, { status: joinText(row.text(C.status), "Memo") ?? "Memo" });
    }
    // Net is Gross plus the (negative) Fee; the balance moved by Net.
    if (gross + fee !== net) {
      row.warn("NET_AMOUNT_MISMATCH", C.net, { amount: row.text(C.gross) ?? "", fee: (row.text(C.fee) ?? "").replace(/^-/, ""), net: row.text(C.net) ?? "" });
    }
    const amount = gross + fee;
    if ((impact === "credit" && amount < 0n) || (impact === "debit" && amount > 0n)) {
      row.error("INVALID_DIRECTION", C.balanceImpact, { value: row.text(C.balanceImpact) ?? "" });
      return null;
    }
    const incoming = amount > 0n;
    return {
      ...occurredFields(when, row.timeOfDay(C.time)),
      amountMinor: amount,
      currency,
      balanceMinor: amountWithDecimalMark(row, C.balance, { decimals, balance: true }),
      reference,
      secondaryReference: row.text(C.referenceTxnId),
      counterparty: row.text(C.name),
      counterpartyAccount: incoming ? row.text(C.fromEmail) : row.text(C.toEmail),
      memo: joinText(row.text(C.type), row.text(C.itemTitle), row.text(C.subject), row.text(C.note)),
      merchantOrderNo: row.text(C.invoiceNumber),
      // PayPal writes a charged fee negative; kept as the positive fee (negative when given back).
      feeMinor: fee === 0n ? undefined : -fee,
      uniqueId: `${reference}:${currency}`,
    };
  },
});

