// Which statement format a text is, and its parser.
import { parseCamt } from "./parse-camt";
import { parseMt940 } from "./parse-mt940";
import { parseOfx } from "./parse-ofx";
import type { StatementFormat, StatementParseResult } from "./statement-table";

/** The ISO 20022 camt messages imported, by their message number in the namespace. */
export const IMPORTED_CAMT_MESSAGES = ["052", "053", "054"] as const;

/** OFX, camt.052/053/054 or MT940 from the first few KiB of text; null for anything else. */
export function detectStatementFormat(textHead: string): StatementFormat | null {
  const head = textHead.slice(0, 4096);
  if (/^\s*OFXHEADER\s*:|<OFX>|<\?OFX\s/i.test(head)) return "OFX";
  const camt = /urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\./i.exec(head)?.[1];
  if (camt === "052") return "CAMT.052";
  if (camt === "053") return "CAMT.053";
  if (camt === "054") return "CAMT.054";
  if (/^:20:/m.test(head) && /^:6[01][FM]?:/m.test(head)) return "MT940";
  return null;
}

export function parseStatement(format: StatementFormat, text: string): StatementParseResult {
  if (format === "OFX") return parseOfx(text);
  if (format === "MT940") return parseMt940(text);
  return parseCamt(format, text);
}
