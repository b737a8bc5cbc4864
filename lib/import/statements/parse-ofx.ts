// OFX 1.x (SGML: leaf elements are not closed) and OFX 2.x (XML): one transaction per STMTTRN of a
// bank (STMTRS) or credit-card (CCSTMTRS) statement. TRNAMT carries the sign; the currency is the
// statement's CURDEF unless the transaction names its own. Each transaction keeps its statement's
// ACCTID: a file may hold several accounts (statement-accounts.ts decides what is imported).
import { scanMarkup } from "./markup";
import { plainDecimal, statementError, type StatementParseResult, type StatementTransaction } from "./statement-table";

const FORMAT = "OFX";

/** "20051029101003.000[-5:EST]" → "2005-10-29 10:10:03" (wall clock as written; the zone is dropped). */
function ofxDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:\.\d+)?(?:\[[^\]]*\])?$/.exec(text.trim());
  if (!m) return text;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return m[4] === undefined ? date : `${date} ${m[4]}:${m[5]}:${m[6] ?? "00"}`;
}

interface OpenTransaction {
  line: number;
  fields: Map<string, string>;
}

export function parseOfx(text: string): StatementParseResult {
  const transactions: StatementTransaction[] = [];
  let currency: string | undefined;
  let account: string | undefined;
  let current: OpenTransaction | null = null;
  let lastOpen: string | null = null;
  let ofxLine: number | null = null;
  let ofxClosed = false;
  let tranListLine: number | null = null;

  const finish = () => {
    if (!current) return;
    const f = current.fields;
    const fitId = f.get("FITID");
    const amount = f.get("TRNAMT");
    transactions.push({
      line: current.line,
      date: ofxDate(f.get("DTPOSTED")),
      creditDebit: "",
      amount: amount === undefined ? undefined : (plainDecimal(amount, "either") ?? amount),
      currency: f.get("CURSYM") ?? currency,
      reference: fitId,
      secondaryReference: f.get("CHECKNUM") ?? f.get("REFNUM"),
      counterparty: f.get("NAME"),
      counterpartyAccount: f.get("ACCTID"),
      memo: f.get("MEMO"),
      transactionType: f.get("TRNTYPE"),
      // FITID is unique within one account; the account keeps two accounts' ids apart.
      uniqueId: fitId ? `${account ?? ""}:${fitId}` : undefined,
      account,
    });
    current = null;
  };

  for (const token of scanMarkup(text)) {
    if (token.type === "open") {
      const name = token.name.toUpperCase();
      lastOpen = name;
      if (name === "") break;
      if (name === "OFX") ofxLine ??= token.line;
      else if (name === "STMTRS" || name === "CCSTMTRS") {
        finish();
        currency = undefined;
        account = undefined;
      } else if (name === "BANKTRANLIST") tranListLine ??= token.line;
      else if (name === "STMTTRN") {
        finish();
        current = { line: token.line, fields: new Map() };
      }
    } else if (token.type === "close") {
      const name = token.name.toUpperCase();
      lastOpen = null;
      if (name === "STMTTRN" || name === "BANKTRANLIST") finish();
      if (name === "OFX") ofxClosed = true;
    } else if (lastOpen) {
      const value = token.text.trim();
      if (current) {
        if (!current.fields.has(lastOpen)) current.fields.set(lastOpen, value);
      } else if (lastOpen === "CURDEF") currency = value;
      else if (lastOpen === "ACCTID" && account === undefined) account = value || undefined;
      lastOpen = null;
    }
  }
  if (ofxLine === null) return statementError(FORMAT, null, "NOT_A_STATEMENT", "OFX");
  if (!ofxClosed) {
    const open = current as OpenTransaction | null;
    return statementError(FORMAT, open?.line ?? ofxLine, "TRUNCATED", open ? "STMTTRN" : "OFX");
  }
  finish();
  if (transactions.length === 0) return statementError(FORMAT, tranListLine ?? ofxLine, "NO_TRANSACTIONS", "STMTTRN");
  return { ok: true, transactions };
}
