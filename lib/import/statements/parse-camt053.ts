// ISO 20022 camt.053 (BankToCustomerStatement), any version: one transaction per Stmt/Ntry.
// Counterparty from the entry's single TxDtls: the debtor for a credit, the creditor for a debit
// (camt.053.001.02 puts Nm directly under Dbtr/Cdtr, later versions under Dbtr/Pty).
import { currencyDecimals } from "@/lib/money";
import { child, children, parseXml, textAt, type XmlElement } from "./markup";
import {
  decimalToMinor,
  minorToDecimal,
  plainDecimal,
  statementError,
  type StatementParseResult,
  type StatementTransaction,
} from "./statement-table";

const FORMAT = "CAMT.053";

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

function entryTransaction(entry: XmlElement, statementAccount: string | undefined): StatementTransaction {
  const amount = child(entry, "Amt");
  const amountText = amount?.text.trim();
  const indicator = textAt(entry, "CdtDbtInd");
  // With RvslInd true the indicator is still the direction money moved now (ISO 20022 usage rule).
  const direction = creditDebit(indicator);
  const details = children(child(entry, "NtryDtls"), "TxDtls");
  const single = details.length === 1 ? details[0] : undefined;
  const parties = child(single, "RltdPties");
  const isCredit = direction === "C";
  const counterparty = partyName(child(parties, isCredit ? "Dbtr" : "Cdtr"));
  const counterpartyAccount = accountId(child(parties, isCredit ? "DbtrAcct" : "CdtrAcct"));
  const remittance = children(child(single, "RmtInf"), "Ustrd").map((u) => u.text.trim());
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
  };
}

/** The closing booked balance on the last entry, when opening + entries = closing (same currency). */
function attachClosingBalance(statement: XmlElement, transactions: StatementTransaction[]): void {
  const last = transactions[transactions.length - 1];
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
  for (const t of transactions) {
    const value = t.amount === undefined || t.currency !== last.currency ? undefined : decimalToMinor(t.amount, decimals);
    if (value === undefined || (t.creditDebit !== "C" && t.creditDebit !== "D")) return;
    sum += t.creditDebit === "C" ? value : -value;
  }
  if (sum === closing) last.balance = minorToDecimal(closing, decimals);
}

export function parseCamt053(text: string): StatementParseResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return statementError(FORMAT, parsed.line, parsed.problem, parsed.tag);
  const document = parsed.root.children.find((c) => c.name === "Document");
  const report = child(document, "BkToCstmrStmt");
  const statements = children(report, "Stmt");
  if (!report || statements.length === 0) return statementError(FORMAT, document?.line ?? null, "NOT_A_STATEMENT", "Stmt");
  const transactions: StatementTransaction[] = [];
  const ownAccount = accountId(child(statements[0], "Acct"));
  for (const statement of statements) {
    const account = accountId(child(statement, "Acct"));
    const entries = children(statement, "Ntry").map((entry) => entryTransaction(entry, account));
    attachClosingBalance(statement, entries);
    transactions.push(...entries);
  }
  if (transactions.length === 0) return statementError(FORMAT, statements[0]?.line ?? null, "NO_TRANSACTIONS", "Ntry");
  return { ok: true, transactions, account: ownAccount };
}
