// Which statement format a text is, and its parser.
import { parseCamt053 } from "./parse-camt053";
import { parseMt940 } from "./parse-mt940";
import { parseOfx } from "./parse-ofx";
import type { StatementFormat, StatementParseResult } from "./statement-table";

/** OFX, camt.053 or MT940 from the first few KiB of text; null for anything else. */
export function detectStatementFormat(textHead: string): StatementFormat | null {
  const head = textHead.slice(0, 4096);
  if (/^\s*OFXHEADER\s*:|<OFX>|<\?OFX\s/i.test(head)) return "OFX";
  if (/urn:iso:std:iso:20022:tech:xsd:camt\.053\./i.test(head)) return "CAMT.053";
  if (/^:20:/m.test(head) && /^:6[01][FM]?:/m.test(head)) return "MT940";
  return null;
}

export function parseStatement(format: StatementFormat, text: string): StatementParseResult {
  if (format === "OFX") return parseOfx(text);
  if (format === "CAMT.053") return parseCamt053(text);
  return parseMt940(text);
}
