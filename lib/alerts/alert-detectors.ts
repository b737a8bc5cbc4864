// Every rule's detector, by type (one file each in detectors/). compute-alerts.ts runs the enabled ones.
import type { AlertDetector } from "./alert-detector";
import type { AlertType } from "./alert-types";
import { balanceBreakDetector } from "./detectors/balance-break-detector";
import { duplicatePaymentDetector } from "./detectors/duplicate-payment-detector";
import { duplicateRowDetector } from "./detectors/duplicate-row-detector";
import { unmatchedPlatformReceiptDetector } from "./detectors/unmatched-platform-receipt-detector";
import { withdrawalInTransitDetector } from "./detectors/withdrawal-in-transit-detector";

export const ALERT_DETECTORS: { [T in AlertType]?: AlertDetector<T> } = {
  DUPLICATE_ROW: duplicateRowDetector,
  DUPLICATE_PAYMENT: duplicatePaymentDetector,
  BALANCE_BREAK: balanceBreakDetector,
  UNMATCHED_PLATFORM_RECEIPT: unmatchedPlatformReceiptDetector,
  WITHDRAWAL_IN_TRANSIT: withdrawalInTransitDetector,
};
