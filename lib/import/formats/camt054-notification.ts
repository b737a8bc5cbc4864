// ISO 20022 camt.054 debit/credit notifications (any version). Parsed by statements/parse-camt.ts.
// Keys share camt.053's namespace: the servicer's reference (AcctSvcrRef) names the same entry in the
// notification and in the day's statement, so importing both never counts an entry twice.
import { defineStatementFormat } from "./shared/statement-adapter";

export const camt054Notification = defineStatementFormat({
  id: "camt054-notification",
  format: "CAMT.054",
  keyNamespace: "camt053",
  label: { "zh-CN": "ISO 20022 CAMT.054 借贷记通知", en: "ISO 20022 CAMT.054 debit/credit notification" },
});
