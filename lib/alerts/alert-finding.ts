// What a detector returns for each cause it found: the computation (compute-alerts.ts) turns
// findings into Alert rows, one per (type, causeKey), never two for the same cause.
import type { AlertSeverity, AlertType } from "./alert-types";
import type { AlertRef } from "./alert-refs";

/** The figures a message is written from: integers (minor units as digit strings), day texts, names. */
export type AlertFacts = Record<string, string | number>;

export type AlertFinding = {
  type: AlertType;
  /**
   * Which cause, stable across computations: the same rows (or the same store and period) give the
   * same key, e.g. `BANK:123:456` for two duplicate rows or `STORE:<id>` for a store's overdue orders.
   * ≤ 500 characters; ids only, no names (a rename is not a new cause).
   */
  causeKey: string;
  severity: AlertSeverity;
  /** The money at stake, positive, in minor units of `currency`. */
  amountMinor: bigint;
  currency: string;
  storeId: string | null;
  fundAccountId: string | null;
  /** The business day the cause belongs to ("YYYY-MM-DD"), or null. */
  day: string | null;
  /** At most MAX_ALERT_REFS rows; `facts.rows` holds the full count when there are more. */
  refs: AlertRef[];
  /** Filled into `alerts.message.<type>` (alert-message.ts); keys per type are listed there. */
  facts: AlertFacts;
};
