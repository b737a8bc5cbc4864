// Every planter, by the alert type it plants (one file each beside this one).
import type { AnomalyPlanter, AnomalyType } from "./anomaly-planter";
import { balanceBreakPlanter } from "./balance-break-planter";
import { duplicatePaymentPlanter } from "./duplicate-payment-planter";
import { duplicateRowPlanter } from "./duplicate-row-planter";
import { unmatchedPlatformReceiptPlanter } from "./unmatched-platform-receipt-planter";
import { withdrawalInTransitPlanter } from "./withdrawal-in-transit-planter";

export const ANOMALY_PLANTERS: { [T in AnomalyType]?: AnomalyPlanter } = {
  DUPLICATE_ROW: duplicateRowPlanter,
  DUPLICATE_PAYMENT: duplicatePaymentPlanter,
  BALANCE_BREAK: balanceBreakPlanter,
  UNMATCHED_PLATFORM_RECEIPT: unmatchedPlatformReceiptPlanter,
  WITHDRAWAL_IN_TRANSIT: withdrawalInTransitPlanter,
};
