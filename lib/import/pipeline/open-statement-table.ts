// OFX, camt.052/053/054 and MT940 statements: read the whole text (they are small; a cap keeps a huge
// one out of memory), parse it, keep the one account it is imported for (statement-accounts.ts), and
// hand the transactions on as a table with a fixed header that only the format's adapter recognises.
import type { TextEncoding } from "../decode/detect-text-encoding";
import { findFormat } from "../formats/registry";
import { statementPreamble } from "../formats/shared/statement-adapter";
import { parseStatement } from "../statements/parse-statement";
import { selectAccount } from "../statements/statement-accounts";
import { statementHeaderRow, statementRows, type StatementFormat } from "../statements/statement-table";
import { fileError } from "./file-error";
import { failedImport, type FailedImport, type OpenedTable } from "./opened-table";
import type { DetectionPlan } from "./plan-detection";

export const MAX_STATEMENT_CHARS = 64 * 1024 * 1024;

const FORMAT_IDS: Record<StatementFormat, string> = {
  OFX: "ofx-statement",
  "CAMT.052": "camt052-report",
  "CAMT.053": "camt053-statement",
  "CAMT.054": "camt054-notification",
  MT940: "mt940-statement",
};

export function openStatementTable(
  format: StatementFormat,
  text: string,
  plan: DetectionPlan,
  encoding: TextEncoding | undefined,
): OpenedTable | FailedImport {
  const extra = { fileType: "text" as const, encoding };
  const id = FORMAT_IDS[format];
  const adapter = plan.mapping ? findFormat(id) : plan.adapters.find((candidate) => candidate.id === id);
  if (!adapter) {
    if (plan.forcedFormat) return failedImport([fileError("HEADER_NOT_FOUND", { format: plan.forcedFormat })], extra);
    return failedImport([fileError("WRONG_KIND", { format: id, kind: "bank", expectedKind: plan.kind ?? "bank" })], extra);
  }
  const parsed = parseStatement(format, text);
  if (!parsed.ok) return failedImport([parsed.error], extra);
  const selected = selectAccount(format, parsed.transactions, plan.statementAccount);
  if (!selected.ok) return failedImport([selected.error], extra);
  const header = statementHeaderRow();
  const rows = statementRows(selected.transactions);
  return {
    ok: true,
    adapter,
    header,
    preamble: [statementPreamble(format)],
    statementAccount: selected.account ? { number: selected.account } : null,
    dataRows: (async function* () {
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    })(),
    dataCellsUncleaned: false,
    ...extra,
  };
}

