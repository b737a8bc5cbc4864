// SWIFT MT940 customer statements. Parsed by statements/parse-mt940.ts; MT940 has no id that is
// unique per line (bank references repeat), so natural keys are fingerprints.
import { defineStatementFormat } from "./shared/statement-adapter";

export const mt940Statement = defineStatementFormat({
  id: "mt940-statement",
  format: "MT940",
  keyNamespace: "mt940",
  label: { "zh-CN": "SWIFT MT940 银行对账单", en: "SWIFT MT940 bank statement" },
});
