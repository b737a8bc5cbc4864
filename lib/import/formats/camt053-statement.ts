// ISO 20022 camt.053 bank-to-customer statements (any version). Parsed by
// statements/parse-camt053.ts; natural keys from the account and AcctSvcrRef where given.
import { defineStatementFormat } from "./shared/statement-adapter";

export const camt053Statement = defineStatementFormat({
  id: "camt053-statement",
  format: "CAMT.053",
  keyNamespace: "camt053",
  label: { "zh-CN": "ISO 20022 CAMT.053 银行对账单", en: "ISO 20022 CAMT.053 bank statement" },
});
