// ISO 20022 cash-management messages, any version: camt.053 statements (BkToCstmrStmt/Stmt), camt.052
// account reports (BkToCstmrAcctRpt/Rpt) and camt.054 debit/credit notifications
// (BkToCstmrDbtCdtNtfctn/Ntfctn). The three share the entry (Ntry): one transaction per Ntry, its
// amount and currency the entry's own Amt (a TxDtls amount in another currency is what the payer
// instructed, not what the account moved), signed by CdtDbtInd. With RvslInd true the indicator is
// still the direction money moved now (ISO 20022 usage rule: a reversed credit is booked DBIT).
// An entry not booked (Sts PDNG/INFO, a camt.052's pending items) carries its status, and is skipped.
// Counterparty from the entry's TxDtls: the debtor for a credit, the creditor for a debit, the other way
// round for a reversal (camt.0xx.001.02
// puts Nm directly under Dbtr/Cdtr, later versions under Dbtr/Pty); a batch booking (several TxDtls)
// names it only when all its transactions name the same party.
import { currencyDecimals } from "@/lib/money";
import { child, children, parseXml, textAt, type XmlElement } from "./markup";
import {
  decimalToMinor,
  minorToDecimal,
  plainDecimal,
  statementError,
  type StatementFormat,
  type StatementParseResult,
  type StatementTransaction,
} from "./statement-table";

export type CamtFormat = Extract<StatementFormat, "CAMT.052" | "CAMT.053" | "CAMT.054">;

/** Each message's root under Document and the element of one account's report inside it. */
const LAYOUT: Record<CamtFormat, { root: string; report: string }> = {
  "CAMT.052": { root: "BkToCstmrAcctRpt", report: "Rpt" },
  "CAMT.053": { root: "BkToCstmrStmt", report: "Stmt" },
  "CAMT.054": { root: "BkToCstmrDbtCdtNtfctn", report: "Ntfctn" },
};

/** "2014-12-31" or "2014-12-31T13:15:00+01:00" → as written, without the offset. */
function camtDate(element: XmlElement | undefined): string | undefined {
  const date = textAt(element, "Dt");
  if (date) return date;
  const dateTime = textAt(element, "DtTm");
  if (!dateTime) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(dateTime);
  return m ? `${m[1]} ${m[2]}` : dateTime;
}

function partyName(party: XmlElement | undefined): string | undefined {
  return textAt(party, "Nm") ?? textAt(party, "Pty", "Nm");
}

function accountId(account: XmlElement | undefined): string | undefined {
  return textAt(account, "Id", "IBAN") ?? textAt(account, "Id", "Othr", "Id");
}

function creditDebit(indicator: string | undefined): string {
  if (indicator === "CRDT") return "C";
  if (indicator === "DBIT") return "D";
  return indicator ?? "";
}

const usable = (ref: string | undefined) => (ref && ref.toUpperCase() !== "NOTPROVIDED" && ref.toUpperCase() !== "NONREF" ? ref : undefined);

/** The one value all transactions agree on, else undefined. */
function common(values: (string | undefined)[]): string | undefined {
  const first = values[0];
  return first !== undefined && values.every((value) => value === first) ? first : undefined;
}

/** Booked unless the entry says otherwise: "BOOK" (v2–v7 text, v8+ Sts/Cd). */
function entryStatus(entry: XmlElement): string | undefined {
  const status = textAt(entry, "Sts", "Cd") ?? textAt(entry, "Sts", "Prtry") ?? textAt(entry, "Sts");
  return status && status.toUpperCase() !== "BOOK" ? status : undefined;
}

function entryTransaction(entry: XmlElement, statementAccount: string | undefined): StatementTransaction {
  const amount = child(entry, "Amt");
  const amountText = amount?.text.trim();
  const direction = creditDebit(textAt(entry, "CdtDbtInd"));
  const details = children(child(entry, "NtryDtls"), "TxDtls");
  // The parties keep their roles from the original payment: a returned debit (CRDT, RvslInd true)
  // names the creditor we had paid as Cdtr.
  const reversal = textAt(entry, "RvslInd")?.toLowerCase() === "true";
  const payerIsOther = (direction === "C") !== reversal;
  const parties = details.map((d) => child(d, "RltdPties"));
  const counterparty = common(parties.map((p) => partyName(child(p, payerIsOther ? "Dbtr" : "Cdtr"))));
  const counterpartyAccount = common(parties.map((p) => accountId(child(p, payerIsOther ? "DbtrAcct" : "CdtrAcct"))));
  const single = details.length === 1 ? details[0] : undefined;
  const remittance = [...new Set(details.flatMap((d) => children(child(d, "RmtInf"), "Ustrd").map((u) => u.text.trim())))];
  const memo = [...remittance, textAt(single, "AddtlTxInf"), textAt(entry, "AddtlNtryInf")].filter((part) => part);
  const accountServicerRef = usable(textAt(entry, "AcctSvcrRef")) ?? usable(textAt(entry, "NtryRef"));
  const txRef = usable(textAt(single, "Refs", "AcctSvcrRef")) ?? usable(textAt(single, "Refs", "TxId"));
  const endToEnd = usable(textAt(single, "Refs", "EndToEndId"));
  const creditorRef = usable(textAt(single, "RmtInf", "Strd", "CdtrRefInf", "Ref"));
  const reference = accountServicerRef ?? txRef;
  const secondaryReference = [endToEnd, creditorRef].find((ref) => ref && ref !== reference);
  const bankCode =
    textAt(entry, "BkTxCd", "Prtry", "Cd") ??
    [textAt(entry, "BkTxCd", "Domn", "Cd"), textAt(entry, "BkTxCd", "Domn", "Fmly", "Cd"), textAt(entry, "BkTxCd", "Domn", "Fmly", "SubFmlyCd")]
      .filter(Boolean)
      .join("/");
  return {
    line: entry.line,
    date: camtDate(child(entry, "BookgDt")) ?? camtDate(child(entry, "ValDt")),
    creditDebit: direction,
    amount: amountText === undefined ? undefined : (plainDecimal(amountText, ".") ?? amountText),
    currency: amount?.attrs.Ccy,
    reference,
    secondaryReference,
    counterparty,
    counterpartyAccount,
    memo: memo.length > 0 ? memo.join(" / ") : undefined,
    transactionType: bankCode || undefined,
    // The servicer's reference is unique within the account; the account keeps two accounts apart.
    uniqueId: accountServicerRef ? `${statementAccount ?? ""}:${accountServicerRef}` : undefined,
    status: entryStatus(entry),
    account: statementAccount,
  };
}

/** The closing booked balance on the last entry, when opening + booked entries = closing (same currency). */
function attachClosingBalance(statement: XmlElement, transactions: StatementTransaction[]): void {
  const booked = transactions.filter((t) => t.status === undefined);
  const last = booked[booked.length - 1];
  if (!last) return;
  const balance = (code: string) => children(statement, "Bal").find((b) => textAt(b, "Tp", "CdOrPrtry", "Cd") === code);
  const signed = (b: XmlElement | undefined, decimals: number) => {
    const amount = child(b, "Amt");
    const value = amount ? decimalToMinor(plainDecimal(amount.text, ".") ?? "x", decimals) : undefined;
    if (value === undefined || amount?.attrs.Ccy !== last.currency) return undefined;
    return textAt(b, "CdtDbtInd") === "DBIT" ? -value : value;
  };
  const decimals = currencyDecimals(last.currency ?? "");
  const opening = signed(balance("OPBD") ?? balance("PRCD"), decimals);
  const closing = signed(balance("CLBD"), decimals);
  if (opening === undefined || closing === undefined) return;
  let sum = opening;
  for (const t of booked) {
    const value = t.amount === undefined || t.currency !== last.currency ? undefined : decimalToMinor(t.amount, decimals);
    if (value === undefined || (t.creditDebit !== "C" && t.creditDebit !== "D")) return;
    sum += t.creditDebit === "C" ? value : -value;
  }
  if (sum === closing) last.balance = minorToDecimal(closing, decimals);
}

export function parseCamt(format: CamtFormat, text: string): StatementParseResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return statementError(format, parsed.line, parsed.problem, parsed.tag);
  const { root, report: reportName } = LAYOUT[format];
  const document = parsed.root.children.find((c) => c.name === "Document");
  const message = child(document, root);
  const reports = children(message, reportName);
  if (!message || reports.length === 0) return statementError(format, document?.line ?? null, "NOT_A_STATEMENT", reportName);
  const transactions: StatementTransaction[] = [];
  for (const report of reports) {
    const account = accountId(child(report, "Acct"));
    const entries = children(report, "Ntry").map((entry) => entryTransaction(entry, account));
    attachClosingBalance(report, entries);
    transactions.push(...entries);
  }
  if (transactions.length === 0) return statementError(format, reports[0]?.line ?? null, "NO_TRANSACTIONS", "Ntry");
  return { ok: true, transactions };
}
