// ISO 20022 camt.052 account reports (intraday/interim, any version). Parsed by
// statements/parse-camt.ts; entries not yet booked are skipped. Keys share camt.053's namespace: the
// servicer's reference (AcctSvcrRef) names the same entry in the report and in the day's statement,
// so importing both never counts an entry twice.
import { defineStatementFormat } from "./shared/statement-adapter";

export const camt052Report = defineStatementFormat({
  id: "camt052-report",
  format: "CAMT.052",
  keyNamespace: "camt053",
  label: { "zh-CN": "ISO 20022 CAMT.052 账户报告", en: "ISO 20022 CAMT.052 account report" },
});
