// Every planter, by the alert type it plants (one file each beside this one); a new type without
// its planter is a compile error here.
import type { AnomalyPlanter, AnomalyType } from "./anomaly-planter";
import { balanceBreakPlanter } from "./balance-break-planter";
import { duplicatePaymentPlanter } from "./duplicate-payment-planter";
import { duplicateRowPlanter } from "./duplicate-row-planter";
import { feeRateHighPlanter } from "./fee-rate-high-planter";
import { overdueReceivablePlanter } from "./overdue-receivable-planter";
import { refundAfterSettlementPlanter } from "./refund-after-settlement-planter";
import { unmatchedPlatformReceiptPlanter } from "./unmatched-platform-receipt-planter";
import { unusualChangePlanter } from "./unusual-change-planter";
import { withdrawalInTransitPlanter } from "./withdrawal-in-transit-planter";

export const ANOMALY_PLANTERS: Record<AnomalyType, AnomalyPlanter> = {
  OVERDUE_RECEIVABLE: overdueReceivablePlanter,
  FEE_RATE_HIGH: feeRateHighPlanter,
  DUPLICATE_ROW: duplicateRowPlanter,
  DUPLICATE_PAYMENT: duplicatePaymentPlanter,
  BALANCE_BREAK: balanceBreakPlanter,
  REFUND_AFTER_SETTLEMENT: refundAfterSettlementPlanter,
  UNMATCHED_PLATFORM_RECEIPT: unmatchedPlatformReceiptPlanter,
  WITHDRAWAL_IN_TRANSIT: withdrawalInTransitPlanter,
  UNUSUAL_CHANGE: unusualChangePlanter,
};
