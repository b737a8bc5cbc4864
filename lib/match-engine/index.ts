// Matching engine: order → platform settlement → wallet → bank. Pure functions over plain arrays;
// see README.md for the sign convention, the passes and their reason codes.
export { reconcile, type ReconcileOptions } from "./reconcile";
export { serializeResult } from "./serialize-result";
export { traceOrderChains, type OrderChain } from "./order-chain";
export { defaultRules, parseRules, reconcileRulesSchema, PASS_KINDS, PASS_NUMBER, DEFAULT_RULES_VERSION, type PassKind, type ReconcileRules, type ReconcileRulesInput } from "./rules";
export { REASON_CODES, REASON_PARAMS, type ReasonCode } from "./reason-codes";
export { REASON_MESSAGES, ADJUSTMENT_LABELS, formatReason, groupReasonLine } from "./reason-messages";
export { ReconcileInputError, compareIds } from "./engine/canonical-order";
export { uniqueSubsetSum, MAX_SUBSET_CANDIDATES, type SubsetSearch } from "./engine/subset-sum";
export { roleOfRow, slotOfRole, linkBetween, signedItemAmount, isWalletWithdrawal, type RowRole, type RoleFacts } from "./row-role";
export * from "./types";
export { SPENT_SIDES, SPENT_SLOTS, SpentAllocationsBuilder, type SpentAllocations } from "./spent-allocations";
