// SWIFT MT940 customer statements: one transaction per :61: statement line, described by the :86:
// that follows it (Rabobank's old layout repeats :86: once per line of text). A file may hold several
// messages, each from :20: to a line "-" (or "-}" before the next SWIFT block), each with its account
// (:25:) and statement number (:28C:); :60M:/:62M: are a statement's intermediate balances when it
// continues in the next message. Amounts use a decimal comma and are followed by the transaction type
// (N + 3 characters "NTRF", ING's "NOV " with a blank, F + 3, S + the SWIFT message number "S103");
// the mark may carry a funds code letter ("CR", "DR", "CN"). :60F:/:60M: give the currency and the
// opening balance, :62F:/:62M: the closing. :86: in the German structured form
// ("051?00UEBERWEISUNG?20…?32MUELLER") or the Polish one with "~" ("020~00152~20…~32…") is split into
// its posting text, purpose (?20–?29, ?60–?63), counterparty name (?32, ?33) and account (?38, ?31);
// the Dutch SEPA form ("/EREF/…/NAME/…/REMI/…") gives the name and the remittance text.
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
    } else if (/^-\s*$/.test(line) || /^-?\}?\{/.test(line) || /^-\}/.test(line)) {
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

/** Mark and amount on the first line, else the :61: was wrapped right after the mark (Sparkasse). */
const WRAPPED_AFTER_MARK = /^\d{6}(?:\d{4})?R?[CD][A-Z]?$/;

/** The transaction type after the amount: S + the SWIFT message number, N/F + a 3-character code. */
const TYPE_CODE = /^(S\d{3}|S\d{1,2}(?=[A-Z])|[NF][A-Z0-9][A-Z0-9 ]{2}|[NFS][A-Z0-9]{3})/;

const meaningful = (ref: string | undefined) => {
  const trimmed = ref?.trim();
  return trimmed && trimmed.toUpperCase() !== "NONREF" ? trimmed : undefined;
};

/** The :61: line: value date, optional entry date, mark, funds code, amount, type, references. */
function statementLine(field: Field, currency: string | undefined, account: string | undefined): StatementTransaction {
  const [first = "", ...rest61] = field.lines;
  const supplementary = [...rest61];
  const main = WRAPPED_AFTER_MARK.test(first.trim()) && supplementary.length > 0 ? first.trim() + (supplementary.shift() as string).trim() : first;
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
  // The amount is digits and one decimal comma; the type code starts at the first letter after it.
  const amountMatch = /^\d+,\d*/.exec(rest);
  const afterAmount = amountMatch ? rest.slice(amountMatch[0].length) : "";
  const type = amountMatch ? TYPE_CODE.exec(afterAmount)?.[1] : undefined;
  // Unreadable: shown as written up to where a type code seems to start, for the row's error.
  const amountText = amountMatch ? amountMatch[0] : (/^(.*?)[NFS][A-Z0-9]{3}/.exec(rest)?.[1] ?? rest);
  const references = type ? afterAmount.slice(type.length) : afterAmount;
  const [customerRef = "", bankRef = ""] = references.split("//");
  const customer = meaningful(customerRef);
  const bank = meaningful(bankRef);
  const amount = amountMatch ? plainDecimal(amountText, ",") : undefined;
  return {
    line: field.line,
    date,
    creditDebit,
    amount: amount ?? amountText,
    currency,
    reference: customer ?? bank,
    secondaryReference: customer ? bank : undefined,
    memo: supplementary.map((l) => l.trim()).filter(Boolean).join(" ") || undefined,
    transactionType: type?.trim(),
    account,
  };
}

/** :86: information to account owner → memo, and the counterparty where the structure names it. */
function applyInformation(transaction: StatementTransaction, field: Field): void {
  const first = field.lines[0] ?? "";
  // "?" in the German form; "~" in the Polish (ZBP) one, where "˙"/"ÿ" fills empty subfields.
  const separator = /^\s*(?:\d{3})?~\d{2}/.test(first) ? "~" : "?";
  const structured = /^\s*(?:\d{3})?[?~]\d{2}/.test(first);
  let memo: string | undefined;
  if (structured) {
    const joined = field.lines.join("");
    const parts = new Map<number, string>();
    const pattern = separator === "~" ? /~(\d{2})([^~]*)/g : /\?(\d{2})([^?]*)/g;
    for (const m of joined.matchAll(pattern)) {
      const key = Number(m[1]);
      parts.set(key, (parts.get(key) ?? "") + (m[2] ?? ""));
    }
    const tidy = (text: string | undefined) => text?.replace(/[\u02d9\u00ff]/g, "").replace(/\s+/g, " ").trim() || undefined;
    const purposeKeys = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63];
    const purpose = tidy(purposeKeys.map((key) => tidy(parts.get(key)) ?? "").join(" "));
    memo = [tidy(parts.get(0)), purpose].filter(Boolean).join(" / ") || undefined;
    transaction.counterparty = tidy((parts.get(32) ?? "") + (parts.get(33) ?? "")) ?? transaction.counterparty;
    const iban = tidy(parts.get(38))?.replace(/\s+/g, "");
    transaction.counterpartyAccount = iban ?? tidy(parts.get(31)) ?? transaction.counterpartyAccount;
  } else if (/^\s*\/[A-Z]{3,4}\//.test(first)) {
    // The Dutch SEPA form (Rabobank, ING): "/EREF/…/BENM//NAME/J. Jansen/REMI/Factuur 12/ISDT/…",
    // wrapped at a fixed width, so the lines join without a blank.
    const joined = field.lines.join("");
    const value = (tag: string) => new RegExp(`/${tag}/(.*?)(?=/[A-Z]{2,4}/|$)`).exec(joined)?.[1]?.replace(/\s+/g, " ").trim() || undefined;
    memo = value("REMI") ?? (joined.replace(/\s+/g, " ").trim() || undefined);
    transaction.counterparty = value("NAME") ?? transaction.counterparty;
    transaction.counterpartyAccount = value("IBAN") ?? transaction.counterpartyAccount;
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
  let describing = false;
  for (const field of fields) {
    switch (field.tag) {
      case "25":
        // Account identification: "BLZ/account", an IBAN ("/PL44…" in Polish files), or the bank's own
        // number; each message names its own, and a file may hold several accounts.
        account = field.lines.join("").trim().replace(/^\//, "") || undefined;
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
        last = statementLine(field, opening?.currency, account);
        message.push(last);
        transactions.push(last);
        break;
      case "86":
        // After its :61: (or after the :86: before it, where a bank repeats the tag per line).
        if (last && (previous?.tag === "61" || (previous?.tag === "86" && describing))) applyInformation(last, field);
        break;
      case "62F":
      case "62M":
        attachClosingBalance(message, opening, readBalance(field));
        break;
    }
    describing = field.tag === "61" || (field.tag === "86" && describing);
    previous = field;
  }
  if (firstMessageLine === null) return statementError(FORMAT, null, "NOT_A_STATEMENT", ":20:");
  if (transactions.length === 0) return statementError(FORMAT, firstMessageLine, "NO_TRANSACTIONS", ":61:");
  return { ok: true, transactions };
}
