// Every rule's detector, by type (one file each in detectors/). compute-alerts.ts runs the enabled ones.
import type { AlertDetector } from "./alert-detector";
import type { AlertType } from "./alert-types";
import { feeRateHighDetector } from "./detectors/fee-rate-high";
import { overdueReceivableDetector } from "./detectors/overdue-receivable";
import { refundAfterSettlementDetector } from "./detectors/refund-after-settlement";
import { unusualChangeDetector } from "./detectors/unusual-change";

export const ALERT_DETECTORS: { [T in AlertType]?: AlertDetector<T> } = {
  OVERDUE_RECEIVABLE: overdueReceivableDetector,
  FEE_RATE_HIGH: feeRateHighDetector,
  REFUND_AFTER_SETTLEMENT: refundAfterSettlementDetector,
  UNUSUAL_CHANGE: unusualChangeDetector,
};
