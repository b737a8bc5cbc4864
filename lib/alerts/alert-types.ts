// The nine alert rules (风险预警), in the order the pages list them, each with the severity its alerts
// get unless its detector says otherwise, and the words that name it (messages `alerts.types.<TYPE>`).
import type { AlertSeverity, AlertStatus, AlertType } from "@/lib/db/generated/enums";

export type { AlertSeverity, AlertStatus, AlertType };

export const ALERT_TYPES = [
  "OVERDUE_RECEIVABLE",
  "FEE_RATE_HIGH",
  "DUPLICATE_ROW",
  "DUPLICATE_PAYMENT",
  "BALANCE_BREAK",
  "REFUND_AFTER_SETTLEMENT",
  "UNMATCHED_PLATFORM_RECEIPT",
  "WITHDRAWAL_IN_TRANSIT",
  "UNUSUAL_CHANGE",
] as const satisfies readonly AlertType[];

export const ALERT_STATUSES = ["NEW", "IN_PROGRESS", "RESOLVED", "IGNORED"] as const satisfies readonly AlertStatus[];
/** Statuses that still ask for someone's attention (the badge, `--status open`). */
export const OPEN_ALERT_STATUSES = ["NEW", "IN_PROGRESS"] as const satisfies readonly AlertStatus[];
export const ALERT_SEVERITIES = ["HIGH", "MEDIUM", "LOW"] as const satisfies readonly AlertSeverity[];

export function isAlertType(value: unknown): value is AlertType {
  return typeof value === "string" && (ALERT_TYPES as readonly string[]).includes(value);
}
