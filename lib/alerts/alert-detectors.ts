// Every rule's detector, by type (one file each in detectors/). compute-alerts.ts runs the enabled
// ones; a new AlertType without its detector is a compile error here.
import type { AlertDetector } from "./alert-detector";
import type { AlertType } from "./alert-types";
import { balanceBreakDetector } from "./detectors/balance-break-detector";
import { duplicatePaymentDetector } from "./detectors/duplicate-payment-detector";
import { duplicateRowDetector } from "./detectors/duplicate-row-detector";
import { feeRateHighDetector } from "./detectors/fee-rate-high";
import { overdueReceivableDetector } from "./detectors/overdue-receivable";
import { refundAfterSettlementDetector } from "./detectors/refund-after-settlement";
import { unmatchedPlatformReceiptDetector } from "./detectors/unmatched-platform-receipt-detector";
import { unusualChangeDetector } from "./detectors/unusual-change";
import { withdrawalInTransitDetector } from "./detectors/withdrawal-in-transit-detector";

export const ALERT_DETECTORS: { [T in AlertType]: AlertDetector<T> } = {
  OVERDUE_RECEIVABLE: overdueReceivableDetector,
  FEE_RATE_HIGH: feeRateHighDetector,
  DUPLICATE_ROW: duplicateRowDetector,
  DUPLICATE_PAYMENT: duplicatePaymentDetector,
  BALANCE_BREAK: balanceBreakDetector,
  REFUND_AFTER_SETTLEMENT: refundAfterSettlementDetector,
  UNMATCHED_PLATFORM_RECEIPT: unmatchedPlatformReceiptDetector,
  WITHDRAWAL_IN_TRANSIT: withdrawalInTransitDetector,
  UNUSUAL_CHANGE: unusualChangeDetector,
};
