// OFX bank and credit-card statements (Quicken/Money downloads), SGML 1.x and XML 2.x. Parsed by
// statements/parse-ofx.ts; natural keys from the account and FITID.
import { defineStatementFormat } from "./shared/statement-adapter";

export const ofxStatement = defineStatementFormat({
  id: "ofx-statement",
  format: "OFX",
  keyNamespace: "ofx",
  label: { "zh-CN": "OFX 银行对账单", en: "OFX bank statement" },
});
