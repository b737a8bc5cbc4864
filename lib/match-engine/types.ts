// The engine's boundary: plain, database-free records in, proposals and explained leftovers out.
// A loader turns Order / SettlementLine / BankTransaction rows into these (ids as strings, dates as
// "YYYY-MM-DD", amounts as bigint minor units); a saver turns proposals into MatchGroup rows.
// Sign convention and slots: see README.md ("Signs" and "Links and slots").
import type { SettlementLineType } from "@/lib/import/types";
import type { ReasonCode } from "./reason-codes";

export type { SettlementLineType };

/** Which table a row comes from. Wallet ledgers (Alipay 账务明细…) are "bank" rows of a non-BANK account. */
export type Side = "order" | "settlement" | "bank";
export type AccountType = "BANK" | "ALIPAY" | "WECHAT" | "OTHER";
export type StorePlatform = "TMALL" | "TAOBAO" | "JD" | "PDD" | "DOUYIN" | "SHOPIFY" | "AMAZON" | "OTHER";
/** A calendar date as written in the source, "YYYY-MM-DD". */
export type LocalDate = string;
/** Wall-clock time as written in the source, "YYYY-MM-DDTHH:mm:ss" (no offset). */
export type LocalDateTime = string;

export interface ReconcileStore {
  id: string;
  platform: StorePlatform;
  currency: string;
  /** 账期: days after 确认收货 until the platform settles. */
  settlementTermsDays: number;
  /** Contracted commission / service-fee rate in basis points (500 = 5 %); 0 = unknown. */
  feeRateBps: number;
  /**
   * Without a contracted rate: the store's usual commission rate learned from its confirmed orders
   * (lib/fee-rates) — the median to expect a fee by, and the rate 90 % of orders stay within to
   * check one. Only ever used where a fee must be inferred; a fee the bill itemizes needs no rate.
   */
  learnedFeeRate?: { medianBps: number; upperBps: number; orders: number };
  /** Wallet accounts (Alipay …) whose lines belong to this store; when absent, any wallet may. */
  walletAccountIds?: readonly string[];
}

export interface ReconcileAccount {
  id: string;
  type: AccountType;
  currency: string;
}

export interface OrderInput {
  side: "order";
  id: string;
  storeId: string;
  orderNo: string;
  subOrderNo?: string;
  /** What the buyer paid for this row (JD: per SKU line; Douyin: per sub-order). */
  paidMinor: bigint;
  /** Refunded so far, when the export says (0 when it has no refund column). */
  refundMinor: bigint;
  /** What the platform says it pays the merchant (Tmall 打款商家金额, PDD 商家实收金额, JD 结算金额). */
  merchantReceivedMinor?: bigint;
  currency: string;
  paidOn?: LocalDate;
  /** Not read by the passes: with paidOn and confirmedOn it says which month the order belongs to (lib/ledger/business-day.ts). */
  orderedOn?: LocalDate;
  confirmedOn?: LocalDate;
  /** 确认收货 with the time of day, when known: settlement = this + the store's 账期. */
  confirmedAt?: LocalDateTime;
  status?: string;
  afterSaleStatus?: string;
}

export interface SettlementLineInput {
  side: "settlement";
  id: string;
  storeId: string;
  lineType: SettlementLineType;
  orderNo?: string;
  /** Settlement / payout / withdrawal id that groups lines into one receipt. */
  payoutId?: string;
  /** Signed from the seller's platform balance: sales +, fees, refunds and payouts −. */
  amountMinor: bigint;
  currency: string;
  occurredOn: LocalDate;
  occurredAt?: LocalDateTime;
  /** Position in the ledger as exported (e.g. sourceRow), to order lines booked in the same second. */
  sequence?: number;
  reference?: string;
  memo?: string;
}

export interface BankTransactionInput {
  side: "bank";
  id: string;
  accountId: string;
  /** Signed: + money in, − money out. */
  amountMinor: bigint;
  currency: string;
  occurredOn: LocalDate;
  occurredAt?: LocalDateTime;
  /** Position in the statement or wallet ledger as exported, to order rows of the same second. */
  sequence?: number;
  reference?: string;
  secondaryReference?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  memo?: string;
  merchantOrderNo?: string;
  /** The balance the wallet's statement prints after this row (Alipay 账户余额), when it prints one: ties a statement's first sweep to what was carried in. */
  balanceMinor?: bigint;
}

export type ReconcileRow = OrderInput | SettlementLineInput | BankTransactionInput;

export interface ItemRef {
  side: Side;
  id: string;
}

/** Which side of a row an item uses: "up" explains where its money came from, "down" where it went. */
export type Slot = "up" | "down";

/** One row in a group and the part of it the group uses, signed as README.md "Signs" says. */
export interface MatchItem extends ItemRef {
  amountMinor: bigint;
  /** Set on the engine's proposals; confirmed matches given as input may leave it out (the link decides). */
  slot?: Slot;
}

/**
 * CARRIED_IN_BALANCE: money a withdrawal took that was already in the wallet when its statement
 * began (the printed opening balance), so no line of the statement shows where it came from.
 */
export const ADJUSTMENT_TYPES = ["FEE", "COMMISSION", "SERVICE_FEE", "PROMOTION", "REFUND", "ROUNDING", "FX", "BAD_DEBT", "CARRIED_IN_BALANCE", "OTHER"] as const;
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number];

/** Explains part of a group's difference: + money that was due but kept back (fee, refund), − money received beyond what was due (platform-funded discount). */
export interface Adjustment {
  type: AdjustmentType;
  amountMinor: bigint;
  note?: string;
  /** The order (first row of it) this adjustment concerns, in groups of several orders. */
  about?: ItemRef;
}

/**
 * Which hop of the chain a group explains:
 * - ORDER_SETTLEMENT: an order ↔ its platform bill / wallet lines (sale, fees, refunds);
 * - SETTLEMENT_PAYOUT: bill / wallet lines ↔ the withdrawal or payout that swept them;
 * - PAYOUT_BANK: a withdrawal or payout ↔ the bank receipt;
 * - ORDER_BANK: orders ↔ a bank receipt directly (platforms that pay the bank, transfers naming the order).
 */
export const MATCH_LINKS = ["ORDER_SETTLEMENT", "SETTLEMENT_PAYOUT", "PAYOUT_BANK", "ORDER_BANK"] as const;
export type MatchLink = (typeof MATCH_LINKS)[number];

export type PassNumber = 1 | 2 | 3 | 4;

export const MATCH_RULES = [
  "ORDER_NO",
  "PAYOUT_ID",
  "ORDER_NO_IN_BANK_MEMO",
  "PAYOUT_ID_GROUP",
  "WALLET_SWEEP",
  "PLATFORM_WITHDRAWALS",
  "SETTLEMENT_DATE_PAYOUT",
  "ORDERS_BETWEEN_PAYOUTS",
  "AMOUNT_DATE",
  "SUBSET_SUM",
  "MEMO_SIMILARITY",
  "PAYOUT_WINDOW",
  "PARTIAL_PAYMENT",
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export interface Reason {
  code: ReasonCode;
  /** Strings only, so output is byte-stable; names ending in "Minor" are amounts in minor units. */
  params: Readonly<Record<string, string>>;
}

export interface MatchProposal {
  /** Deterministic id from the link and the items (the same items give the same key). */
  key: string;
  pass: PassNumber;
  rule: MatchRule;
  link: MatchLink;
  /** True only when the rules let this group be booked without a person (never in pass 4). */
  autoConfirm: boolean;
  /** 0 … 100. */
  confidence: number;
  /** Shared and frozen when made only of parameter-free reasons: treat as read-only. */
  reasons: readonly Reason[];
  items: MatchItem[];
  adjustments: Adjustment[];
}

/** A group already confirmed by a person or an earlier run: its allocations are spent. */
export interface ConfirmedMatch {
  key: string;
  /** Inferred from the kinds of its rows when absent. */
  link?: MatchLink;
  items: readonly MatchItem[];
  adjustments?: readonly Adjustment[];
}

/** Two rows a person said do not belong together: no proposal may contain both. */
export interface RejectedPair {
  a: ItemRef;
  b: ItemRef;
}

export interface ReconcileInput {
  stores: readonly ReconcileStore[];
  accounts: readonly ReconcileAccount[];
  orders: readonly OrderInput[];
  settlementLines: readonly SettlementLineInput[];
  bankTransactions: readonly BankTransactionInput[];
  confirmed?: readonly ConfirmedMatch[];
  /** Booked groups' items in columns (spent-allocations.ts): spent like `confirmed`, for large loads. */
  spent?: SpentAllocations;
  rejected?: readonly RejectedPair[];
}

/**
 * A row (or the part of it) that no group took on one side of it:
 * "upstream" — where its money came from is unexplained (a bill line without its order, a bank
 * receipt nobody paid); "downstream" — where its money went is unexplained (an order never settled,
 * a line never withdrawn, a withdrawal never seen in the bank).
 */
export interface UnmatchedItem {
  side: Side;
  id: string;
  direction: "upstream" | "downstream";
  remainingMinor: bigint;
  /** May be shared and frozen: treat as read-only. */
  reasons: readonly Reason[];
}

export interface RuleStats {
  groups: number;
  autoConfirmed: number;
  items: number;
}

export interface ReconcileStats {
  rulesVersion: string;
  rows: { orders: number; settlement: number; bank: number };
  proposals: number;
  autoConfirmed: number;
  /** By rule, in MATCH_RULES order; rules that made nothing are left out. */
  byRule: Partial<Record<MatchRule, RuleStats>>;
  unmatched: { orders: number; settlement: number; bank: number };
  /** Confirmed items whose amounts exceeded what the row had left (clamped; the input is inconsistent); for `spent`, row sides. */
  confirmedOverAllocated: number;
}

export interface ReconcileResult {
  rulesVersion: string;
  proposals: MatchProposal[];
  unmatched: { orders: UnmatchedItem[]; settlement: UnmatchedItem[]; bank: UnmatchedItem[] };
  stats: ReconcileStats;
}

/** What booked groups already spent, item by item, in columns (built by spent-allocations.ts). */
export interface SpentAllocations {
  readonly count: number;
  /** Index into SPENT_SIDES (spent-allocations.ts). */
  readonly side: Uint8Array;
  /** The row's id as a number: rows are found by the decimal spelling of it (database bigints). */
  readonly rowId: Float64Array;
  /** Index into SPENT_SLOTS (spent-allocations.ts): the side of the row the item used, as recorded when it was booked. */
  readonly slot: Uint8Array;
  /** Minor units spent; the sign is ignored. */
  readonly amountMinor: Float64Array;
}
