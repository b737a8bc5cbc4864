// The shape of one rule's detector: reads the company's ledger (rows, match groups, receivables,
// report rollups) in SQL scoped to `orgId` and returns what is wrong now. Pure reading: it writes
// nothing and opens no transaction; compute-alerts.ts runs all detectors in one snapshot.
import type { Tx } from "@/lib/db/client";
import type { AlertFinding } from "./alert-finding";
import type { AlertType } from "./alert-types";
import type { AlertThresholds } from "./alert-thresholds";

export type DetectContext<T extends AlertType = AlertType> = {
  orgId: string;
  /** The day time-based rules measure from ("YYYY-MM-DD"): today in the company's time zone. */
  asOf: string;
  thresholds: AlertThresholds[T];
};

export type AlertDetector<T extends AlertType = AlertType> = {
  type: T;
  detect: (tx: Tx, context: DetectContext<T>) => Promise<AlertFinding[]>;
};
