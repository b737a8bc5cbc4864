// SWIFT MT940 customer statements: one transaction per :61: statement line, described by the :86:
// that follows it. A file may hold several messages, each from :20: to a line "-". Amounts use a
// decimal comma; :60F:/:60M: give the currency and the opening balance, :62F:/:62M: the closing.
// :86: in the German/Polish structured form ("051?00UEBERWEISUNG?20…?32MUELLER") is split into its
// posting text, purpose (?20–?29, ?60–?63), counterparty name (?32, ?33) and account (?38, ?31).
import { currencyDecimals } from "@/lib/money";
import {
  decimalToMinor,
  minorToDecimal,
  plainDecimal,
  statementError,
  type StatementParseResult,
  type StatementTransaction,
} from "./statement-table";

const FORMAT = "MT940";

interface Field {
  tag: string;
  line: number;
  lines: string[];
}

function readFields(text: string): Field[] {
  const fields: Field[] = [];
  let current: Field | null = null;
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const tagged = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (tagged) {
      current = { tag: tagged[1] as string, line: index + 1, lines: [tagged[2] as string] };
      fields.push(current);
    } else if (/^-\s*$/.test(line) || /^\{/.test(line)) {
      current = null; // end of a message, or a SWIFT block header
    } else if (current && line.trim() !== "") {
      current.lines.push(line);
    }
  });
  return fields;
}

/** YYMMDD → "YYYY-MM-DD" (years 80–99 are 19xx); undefined when not a date. */
function yymmdd(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return { year: yy >= 80 ? 1900 + yy : 2000 + yy, month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number) => String(n).padStart(2, "0");

interface Balance {
  currency: string;
  amount: string;
}

function readBalance(field: Field): Balance | undefined {
  const m = /^([CD])(\d{6})([A-Z]{3})(\d+,\d*)\s*$/.exec(field.lines[0]?.trim() ?? "");
  if (!m) return undefined;
  const amount = plainDecimal(m[4] as string, ",");
  return amount === undefined ? undefined : { currency: m[3] as string, amount: m[1] === "D" ? `-${amount}` : amount };
}

/** The :61: line: value date, optional entry date, mark, funds code, amount, type, references. */
function statementLine(field: Field, currency: string | undefined): StatementTransaction {
  const [main = "", ...supplementary] = field.lines;
  const s = main.trim();
  const value = s.slice(0, 6);
  let rest = s.slice(6);
  const entry = /^(\d{2})(\d{2})(?=R?[CD])/.exec(rest);
  if (entry) rest = rest.slice(4);
  const valueDate = yymmdd(value);
  let date: string = value;
  if (valueDate) {
    let { year, month, day } = valueDate;
    if (entry) {
      // The entry (booking) date has no year: it is the value date's, across a year end if need be.
      const entryMonth = Number(entry[1]);
      if (month === 12 && entryMonth === 1) year++;
      else if (month === 1 && entryMonth === 12) year--;
      month = entryMonth;
      day = Number(entry[2]);
    }
    date = `${year}-${pad(month)}-${pad(day)}`;
  }
  const mark = /^(RC|RD|C|D)/.exec(rest);
  let creditDebit: string;
  if (mark) {
    rest = rest.slice((mark[1] as string).length);
    // RC: reversal of a credit (money out); RD: reversal of a debit (money in).
    creditDebit = mark[1] === "C" || mark[1] === "RD" ? "C" : "D";
    if (/^[A-Z](?=\d)/.test(rest)) rest = rest.slice(1); // funds code (third letter of the currency)
  } else {
    creditDebit = /^\D*/.exec(rest)?.[0] || rest.slice(0, 1);
    rest = rest.slice(creditDebit.length);
  }
  const split = /^(.*?)([NFS][A-Z0-9]{3})(.*)$/.exec(rest);
  const amountText = split ? (split[1] as string) : rest;
  const references = split ? (split[3] as string).trim() : "";
  const [customerRef = "", bankRef = ""] = references.split("//");
  const customer = customerRef && customerRef !== "NONREF" ? customerRef : undefined;
  const bank = bankRef.trim() || undefined;
  const amount = /^\d+,\d*$/.test(amountText) ? plainDecimal(amountText, ",") : undefined;
  return {
    line: field.line,
    date,
    creditDebit,
    amount: amount ?? amountText,
    currency,
    reference: customer ?? bank,
    secondaryReference: customer ? bank : undefined,
    memo: supplementary.map((l) => l.trim()).filter(Boolean).join(" ") || undefined,
    transactionType: split?.[2],
  };
}

/** :86: information to account owner → memo, and the counterparty where the structure names it. */
function applyInformation(transaction: StatementTransaction, field: Field): void {
  const first = field.lines[0] ?? "";
  const structured = /^\s*\d{3}\?\d{2}/.test(first) || /^\s*\?\d{2}/.test(first);
  let memo: string | undefined;
  if (structured) {
    const joined = field.lines.join("");
    const parts = new Map<number, string>();
    for (const m of joined.matchAll(/\?(\d{2})([^?]*)/g)) {
      const key = Number(m[1]);
      parts.set(key, (parts.get(key) ?? "") + (m[2] ?? ""));
    }
    const tidy = (text: string | undefined) => text?.replace(/\s+/g, " ").trim() || undefined;
    const purposeKeys = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63];
    const purpose = tidy(purposeKeys.map((key) => tidy(parts.get(key)) ?? "").join(" "));
    memo = [tidy(parts.get(0)), purpose].filter(Boolean).join(" / ") || undefined;
    transaction.counterparty = tidy((parts.get(32) ?? "") + (parts.get(33) ?? ""));
    const iban = tidy(parts.get(38))?.replace(/\s+/g, "");
    transaction.counterpartyAccount = iban ?? tidy(parts.get(31));
  } else {
    memo = field.lines.map((l) => l.trim()).filter(Boolean).join(" ") || undefined;
  }
  transaction.memo = [transaction.memo, memo].filter(Boolean).join(" / ") || undefined;
}

/** The closing balance on a message's last transaction, when opening + lines = closing. */
function attachClosingBalance(transactions: StatementTransaction[], opening: Balance | undefined, closing: Balance | undefined): void {
  const last = transactions[transactions.length - 1];
  if (!last || !opening || !closing || opening.currency !== closing.currency) return;
  const decimals = currencyDecimals(closing.currency);
  let sum = decimalToMinor(opening.amount, decimals);
  const target = decimalToMinor(closing.amount, decimals);
  if (sum === undefined || target === undefined) return;
  for (const t of transactions) {
    const value = t.amount === undefined ? undefined : decimalToMinor(t.amount, decimals);
    if (value === undefined || (t.creditDebit !== "C" && t.creditDebit !== "D")) return;
    sum += t.creditDebit === "C" ? value : -value;
  }
  if (sum === target) last.balance = minorToDecimal(target, decimals);
}

export function parseMt940(text: string): StatementParseResult {
  const fields = readFields(text);
  const transactions: StatementTransaction[] = [];
  let message: StatementTransaction[] = [];
  let opening: Balance | undefined;
  let firstMessageLine: number | null = null;
  let previous: Field | undefined;
  let last: StatementTransaction | undefined;
  let account: string | undefined;
  for (const field of fields) {
    switch (field.tag) {
      case "25":
        // Account identification: "BLZ/account", an IBAN, or the bank's own number.
        account ??= field.lines.join("").trim() || undefined;
        break;
      case "20":
        firstMessageLine ??= field.line;
        message = [];
        opening = undefined;
        break;
      case "60F":
      case "60M":
        opening = readBalance(field);
        break;
      case "61":
        last = statementLine(field, opening?.currency);
        message.push(last);
        transactions.push(last);
        break;
      case "86":
        if (previous?.tag === "61" && last) applyInformation(last, field);
        break;
      case "62F":
      case "62M":
        attachClosingBalance(message, opening, readBalance(field));
        break;
    }
    previous = field;
  }
  if (firstMessageLine === null) return statementError(FORMAT, null, "NOT_A_STATEMENT", ":20:");
  if (transactions.length === 0) return statementError(FORMAT, firstMessageLine, "NO_TRANSACTIONS", ":61:");
  return { ok: true, transactions, account };
}
