// What a standard report (报表查询) is: which filters its form offers, the table it computes for
// them and, for a row, the base rows behind it (the drill-down). Each report is one file beside
// this one, registered in standard-reports.ts under the id its URL, its export and the CLI use.
import type { Tx } from "@/lib/db/client";
import type { ReportFilters } from "./report-filters";
import type { DrillKey, DrillPage, DrillResult, ReportResult } from "./report-result";

/** Who asks, and the day figures such as "overdue" are counted on. */
export type ReportScope = {
  orgId: string;
  /** The company's IANA time zone. */
  timeZone: string;
  /** "YYYY-MM-DD": today in the company's time zone unless the page asks for another day. */
  asOf: string;
};

/** The optional filters a report's form shows (the period is always there). */
export type ReportFilterField = "store" | "platform" | "account" | "by" | "compare";

export type StandardReport = {
  filters: readonly ReportFilterField[];
  /** Reads the receivables the jobs rebuild (not the ledger itself): the page says how fresh they are. */
  readsReceivables?: true;
  /**
   * The report for the filters. Every query is scoped to scope.orgId; the 合计 row equals the sum
   * of the rows, and each row's drill-down sums to the row.
   */
  run: (tx: Tx, scope: ReportScope, filters: ReportFilters) => Promise<ReportResult>;
  /**
   * The base rows (orders, bill lines, bank rows, adjustments …) behind one row of `run`, one page
   * of them, with their 合计 over all of them. A key this report did not hand out is refused
   * (AppError INVALID), never widened to more rows.
   */
  drill: (tx: Tx, scope: ReportScope, filters: ReportFilters, key: DrillKey, page: DrillPage) => Promise<DrillResult>;
};
