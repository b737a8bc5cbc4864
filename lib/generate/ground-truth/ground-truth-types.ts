// The ground-truth file (JSON Lines, one record per line) says which rows of the generated files
// belong together, so reconciliation results can be scored. Records, in file order:
//   meta        — once, first: month, seed, stores, fund accounts, files, conventions
//   order       — per order that shows up anywhere (its export rows, wallet lines, expected amounts)
//   withdrawal  — per withdrawal (Alipay, PDD) or payout (JD, Douyin): amount, wallet row, what it
//                 groups, and its bank line
//   walletLine  — wallet movements that belong to no order (e.g. an advertising top-up)
//   bankLine    — every bank statement line, platform credit or not
//   summary     — once, last: data rows per file and counts
// Rows are sourceRows as the importer numbers them: the 1-based line of a text file (preamble lines
// included), the sheet row of an XLSX. Amounts are integer fen.
import type { BankLineCategory } from "../bank/bank-line";
import type { LineType } from "../settle/event-log";
import type { RefundKind } from "../simulate/simulated-order";
import type { FundAccountKey, FundAccountType, Platform, StoreKey, WalletKind } from "../stores/store-profiles";

export const GROUND_TRUTH_VERSION = 1;

export type ImportKindName = "orders" | "settlement" | "bank";

export interface StoreDescription {
  key: StoreKey;
  name: string;
  platform: Platform;
  shopName: string;
  currency: string;
  settlementTermsDays: number;
  feeRateBps: number;
  /** Where the shop's settled money waits before the bank (see stores/store-profiles.ts). */
  wallet: WalletKind;
}

export interface FundAccountDescription {
  key: FundAccountKey;
  name: string;
  type: FundAccountType;
  institution: string;
  accountNumber: string;
  currency: string;
}

/** Which store or fund account a file is imported into (orders and platform bills: a store). */
export type ImportTarget = { type: "store"; key: StoreKey; name: string } | { type: "fundAccount"; key: FundAccountKey; name: string };

export interface FileDescription {
  name: string;
  kind: ImportKindName;
  /** The import format id the importer should detect. */
  format: string;
  encoding: "gbk" | "gb18030" | "utf-8" | "utf-8-bom" | "xlsx";
  storeOrAccount: ImportTarget;
}

export interface MetaRecord {
  type: "meta";
  version: number;
  month: string;
  seed: number;
  orders: number;
  company: string;
  stores: StoreDescription[];
  fundAccounts: FundAccountDescription[];
  files: FileDescription[];
  conventions: {
    amounts: string;
    rounding: string;
    rows: string;
  };
}

export interface LineRecord {
  /** Absent for JD / Douyin settlement lines: no file carries them, only their payout. */
  file?: string;
  row?: number;
  /** Alipay 账务流水号; PDD 商户订单号 (the order number: the PDD ledger has no line id). */
  id?: string;
  type: LineType;
  /** Signed from the seller's side: sale +, fees and refunds −. */
  amount: number;
  /** "YYYY-MM-DD" */
  on: string;
  /** The withdrawal or payout that swept the line; null when none did this month. */
  withdrawal: string | null;
}

export interface OrderAmounts {
  /** What the buyer paid (0 when never paid). */
  paid: number;
  /** Refunded to the buyer by the month end. */
  refunded: number;
  /** Credited by the platform this month (after refunds made before settlement). */
  sale: number;
  commission: number;
  /** 花呗 / credit-card service fees (Tmall). */
  serviceFee: number;
  /** 多多进宝 (PDD). */
  promotion: number;
  /** Refund lines after settlement, as a positive amount. */
  refundLines: number;
  /** sale − commission − serviceFee − promotion − refundLines */
  net: number;
  /** Part of net swept by a withdrawal or payout this month. */
  withdrawn: number;
  /** Part of net whose withdrawal or payout is on the bank statement. */
  inBank: number;
}

export interface OrderRecord {
  type: "order";
  store: StoreKey;
  orderNo: string;
  /** False for orders placed the month before that only settle (or refund) in this one. */
  inExport: boolean;
  file?: string;
  /** sourceRows of the order in its export (JD and Douyin: one per product line). */
  rows: number[];
  /** Douyin 子订单编号 of each row. */
  subOrderNos?: string[];
  refundKind: RefundKind;
  createdAt: string;
  paidAt: string | null;
  confirmedAt: string | null;
  /** 确认收货 + the store's 账期, even when that is next month (null: never settles). */
  expectedSettleOn: string | null;
  amounts: OrderAmounts;
  lines: LineRecord[];
}

export interface BankRef {
  file: string;
  row: number;
  on: string;
  amount: number;
  /** The bank's serial number, when the layout has one. */
  reference?: string;
}

export interface WithdrawalRecord {
  type: "withdrawal";
  store: StoreKey;
  wallet: WalletKind;
  kind: "WITHDRAWAL" | "PAYOUT";
  id: string;
  amount: number;
  at: string;
  /** The 提现 line in the wallet file; null for payouts (no wallet file). */
  walletRow: { file: string; row: number; id: string } | null;
  /** What the withdrawal sweeps: a contiguous run of wallet lines (file rows fromRow…toRow). */
  grouped: { lines: number; file?: string; fromRow?: number; toRow?: number };
  /**
   * The month's first Alipay withdrawal: money in the wallet before the month that it took besides
   * its lines (amount = Σ lines + carriedIn). The ledger's printed balance before its first row
   * includes it.
   */
  carriedIn?: number;
  bank: BankRef | null;
}

export interface WalletLineRecord {
  type: "walletLine";
  store: StoreKey;
  file: string;
  row: number;
  id: string;
  amount: number;
  on: string;
  description: string;
  withdrawal: string | null;
}

export interface BankLineRecord {
  type: "bankLine";
  file: string;
  row: number;
  on: string;
  amount: number;
  reference?: string;
  counterparty: string;
  memo: string;
  category: BankLineCategory;
  /** The withdrawal or payout this credit is; null for the company's other business. */
  withdrawal: { store: StoreKey; id: string } | null;
}

export interface SummaryRecord {
  type: "summary";
  files: Array<{ name: string; rows: number }>;
  orders: { exported: number; carriedIn: number; settledThisMonth: number; unsettled: number; refunded: number };
  withdrawals: number;
  withdrawalsOnBankStatement: number;
  bankLines: number;
  unrelatedBankLines: number;
}

export type GroundTruthRecord = MetaRecord | OrderRecord | WithdrawalRecord | WalletLineRecord | BankLineRecord | SummaryRecord;
