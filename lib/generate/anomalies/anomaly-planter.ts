// Planted anomalies: after a month is generated, each planter changes its files (or adds one) so that
// exactly one known problem of its kind is in them — a duplicate receipt, a missing withdrawal, a
// balance that does not carry … — and says which rows it touched. Tests import the month, run the
// matching, and check that the alerts (lib/alerts) name exactly what was planted and nothing else.
// Planters keep everything else intact: a changed statement keeps its balances carrying (unless the
// break is the anomaly), rows are changed in place or appended after the last data row (so the rows
// another planter named keep their numbers), and amounts stay integer fen.
import type { GeneratedFile, GeneratedMonth } from "../generate-month";

/** The alert types (lib/alerts/alert-types.ts), spelled here because the generator imports no Prisma. */
export const ANOMALY_TYPES = [
  "OVERDUE_RECEIVABLE",
  "FEE_RATE_HIGH",
  "DUPLICATE_ROW",
  "DUPLICATE_PAYMENT",
  "BALANCE_BREAK",
  "REFUND_AFTER_SETTLEMENT",
  "UNMATCHED_PLATFORM_RECEIPT",
  "WITHDRAWAL_IN_TRANSIT",
  "UNUSUAL_CHANGE",
] as const;

export type AnomalyType = (typeof ANOMALY_TYPES)[number];

export type PlantedAnomaly = {
  type: AnomalyType;
  /** What was done, for a failing test's message ("bank row 57 copied into cmb-statement-extra.csv"). */
  note: string;
  /** The rows the alert must name: the file's name (as imported) and the row as the importer numbers it. */
  rows: { file: string; sourceRow: number }[];
  /** The store or fund account (by generated name) the alert is about, when it is about one. */
  storeName?: string;
  fundAccountName?: string;
};

export type PlantResult = { planted: PlantedAnomaly; addedFiles?: GeneratedFile[] };

export type AnomalyPlanter = {
  type: AnomalyType;
  /** Changes files of `month` in place (or writes new ones into the same directory and returns them). */
  plant: (month: GeneratedMonth) => Promise<PlantResult>;
};
