// What a page (or a report) gives the export layer: the filters it reads from its URL and, inside a
// REPEATABLE READ transaction (one snapshot, so the rows and the totals agree), the table its
// filters show — every row, not one page. Each source is one file beside this one; the registry
// (export-sources.ts) names them by the page id the buttons, the jobs and the CLI use.
import type { Translator } from "./export-translator";
import type { Tx } from "@/lib/db/client";
import type { Permission } from "@/lib/auth/roles";
import type { ExportLocale, ExportTable } from "@/lib/export";

/** The page's search params as the URL has them (page and size dropped: an export is every page). */
export type ExportParams = Record<string, string>;

/** Who asked, for what company, in which language: what a source needs besides the database. */
export type ExportContext = {
  orgId: string;
  orgName: string;
  /** The organization's IANA time zone (days and times are shown in it). */
  timeZone: string;
  locale: ExportLocale;
  /** Whole-message translator in `locale` (t("workspace.rules.ORDER_NO")). */
  t: Translator;
  /** Name of who asked (the file's title block). */
  requestedBy: string;
  /** Who asked (a private saved report is only theirs to export); null for the CLI, which acts for no one. */
  requestedById: string | null;
  requestedAt: Date;
};

/** A described table and how many rows it will stream (for progress, and the PDF row limit). */
export type DescribedExport = { table: ExportTable; rowCount: number };

export type ExportSource = {
  /** Who may export it: whoever may see the page. */
  permission: Permission;
  /**
   * The rows the page's filters keep. Refuses (AppError, a message naming the filter) a filter the
   * page would refuse, and never reads another organization's rows (every query has ctx.orgId).
   * The rows stream from `tx` while the writer pulls them; `tx` stays open until the file is written.
   */
  describe: (tx: Tx, ctx: ExportContext, params: ExportParams) => Promise<DescribedExport>;
  /** The file's title when the params name what it holds (which report); else export.sources.<id>. */
  titleOf?: (t: Translator, params: ExportParams) => string | undefined;
};
