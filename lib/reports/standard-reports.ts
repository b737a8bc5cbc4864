// Every standard report by the id its URL (/reports/<id>), its export and the CLI
// (`npm run cli -- report <id>`) use. Titles and intros are the messages reports.<id>.title/intro.
import { z } from "zod";
import { remittanceAnalysis } from "./remittance-analysis";
import { salesComparison } from "./sales-comparison";
import { differencesReport } from "./differences";
import { feeAnalysisReport } from "./fee-analysis";
import { accountRollforward } from "./account-rollforward";
import { payouts } from "./payouts";
import type { StandardReport } from "./standard-report";

export const STANDARD_REPORT_IDS = ["remittance", "sales-comparison", "fees", "rollforward", "differences", "payouts"] as const;
export type StandardReportId = (typeof STANDARD_REPORT_IDS)[number];
export const standardReportIds = z.enum(STANDARD_REPORT_IDS);

const STANDARD_REPORTS: Record<StandardReportId, StandardReport> = {
  remittance: remittanceAnalysis,
  "sales-comparison": salesComparison,
  fees: feeAnalysisReport,
  differences: differencesReport,
  rollforward: accountRollforward,
  payouts,
};

/** The report with this id, or undefined for an id that is none. */
export function standardReport(id: string): StandardReport | undefined {
  return (STANDARD_REPORT_IDS as readonly string[]).includes(id) ? STANDARD_REPORTS[id as StandardReportId] : undefined;
}
