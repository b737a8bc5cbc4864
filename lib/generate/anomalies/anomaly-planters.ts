// Every planter, by the alert type it plants (one file each beside this one).
import type { AnomalyPlanter, AnomalyType } from "./anomaly-planter";
import { feeRateHighPlanter } from "./fee-rate-high-planter";
import { overdueReceivablePlanter } from "./overdue-receivable-planter";
import { refundAfterSettlementPlanter } from "./refund-after-settlement-planter";
import { unusualChangePlanter } from "./unusual-change-planter";

export const ANOMALY_PLANTERS: { [T in AnomalyType]?: AnomalyPlanter } = {
  OVERDUE_RECEIVABLE: overdueReceivablePlanter,
  FEE_RATE_HIGH: feeRateHighPlanter,
  REFUND_AFTER_SETTLEMENT: refundAfterSettlementPlanter,
  UNUSUAL_CHANGE: unusualChangePlanter,
};
