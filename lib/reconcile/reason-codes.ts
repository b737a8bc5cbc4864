// Every reason the engine can give, with the parameters it carries. Reasons are data: a proposal or
// an unmatched row lists codes with string params, and reason-messages.ts says them in Chinese or
// English. Params whose names end in "Minor" are amounts in minor units (e.g. "1234" = ¥12.34).
// Reasons that say nothing beyond the group's own rows (which order number matched is in its items)
// carry no params, so one frozen object serves a million groups.
export const REASON_PARAMS = {
  // — why rows were put together —
  ORDER_NO_EXACT: [],
  ORDER_NO_WITH_PREFIX: ["prefix"],
  ORDER_NO_IN_MEMO: ["orderNo"],
  SUB_ORDER_NO_EXACT: [],
  PAYOUT_ID_EXACT: ["payoutId"],
  PAYOUT_ID_IN_REFERENCE: ["payoutId"],
  PAYOUT_ID_IN_MEMO: ["payoutId"],
  PAYOUT_ID_SUFFIX_IN_MEMO: ["payoutId", "suffix"],
  SAME_PAYOUT_ID: ["payoutId", "lines"],
  SWEEP_SINCE_PREVIOUS_WITHDRAWAL: ["lines", "fromDate", "toDate"],
  SETTLEMENT_DATES_IN_WINDOW: ["orders", "fromDate", "toDate"],
  SUM_EXACT: ["amountMinor"],
  SUM_WITHIN_TOLERANCE: ["expectedMinor", "actualMinor", "differenceMinor", "toleranceMinor"],
  AMOUNT_AND_DATE_UNIQUE: ["amountMinor"],
  DATE_DIFF_DAYS: ["days"],
  COUNTERPARTY_IS_PLATFORM: ["counterparty", "platform"],
  SUBSET_SUM_UNIQUE: ["candidates", "chosen"],
  PARTIAL_PAYMENT: ["expectedMinor", "receivedMinor", "outstandingMinor"],
  OVERPAYMENT: ["expectedMinor", "receivedMinor", "excessMinor"],
  SEVERAL_ORDERS_ONE_RECEIPT: ["orders"],
  SEVERAL_RECEIPTS_ONE_ORDER: ["receipts"],
  COMMISSION_WITHIN_CONTRACT: ["contractBps"],
  PLATFORM_FUNDED_DISCOUNT: ["amountMinor"],
  REFUND_FROM_ORDER: ["amountMinor"],
  // — why a group was not booked automatically —
  COMMISSION_ABOVE_CONTRACT: ["commissionMinor", "allowedMinor", "contractBps"],
  CONTRACT_RATE_UNKNOWN: [],
  SERVICE_FEE_ABOVE_LIMIT: ["amountMinor", "allowedMinor"],
  PROMOTION_ABOVE_LIMIT: ["amountMinor", "allowedMinor"],
  REFUND_AMOUNT_UNVERIFIED: ["amountMinor"],
  DIFFERENCE_UNEXPLAINED: ["amountMinor"],
  DIFFERENCE_TYPE_NOT_AUTO: ["type", "amountMinor"],
  DATE_OUTSIDE_WINDOW: ["days", "windowDays"],
  INFERRED_FROM_SETTLEMENT_DATES: [],
  SUGGESTION_ONLY: [],
  AUTO_CONFIRM_DISABLED: [],
  // — why a row is left over —
  NEVER_PAID: [],
  FULLY_REFUNDED: ["refundMinor"],
  NOT_CONFIRMED_YET: ["status"],
  NOT_DUE_YET: ["expectedOn", "dataUntil"],
  NO_SETTLEMENT_FOUND: ["orderNo", "expectedOn"],
  ORDER_NOT_FOUND: ["orderNo"],
  AMBIGUOUS_ORDER_NO: ["orderNo", "candidates"],
  ORDER_ALREADY_RECONCILED: ["orderNo"],
  NOT_WITHDRAWN_YET: ["since"],
  SWEEP_SUM_MISMATCH: ["expectedMinor", "actualMinor", "differenceMinor"],
  NOT_IN_BANK_YET: ["withdrawnOn", "dataUntil"],
  NO_BANK_RECEIPT: ["withdrawnOn"],
  AMBIGUOUS_CANDIDATES: ["count"],
  SUM_MISMATCH: ["expectedMinor", "actualMinor", "differenceMinor"],
  TOO_MANY_CANDIDATES: ["count", "cap"],
  OUTGOING_PAYMENT: [],
  NOT_FROM_PLATFORM: ["counterparty"],
  FROM_PLATFORM_UNMATCHED: ["platform"],
  REJECTED_BY_USER: [],
  CURRENCY_MISMATCH: ["currency", "expected"],
  NO_CANDIDATE: [],
} as const satisfies Record<string, readonly string[]>;

export type ReasonCode = keyof typeof REASON_PARAMS;
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];
