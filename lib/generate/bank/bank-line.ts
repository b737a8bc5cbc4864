// One line of the company's bank statement, before a layout prints it.
import type { StoreKey } from "../stores/store-profiles";

export type BankLineCategory =
  | "WITHDRAWAL"
  | "PAYOUT"
  | "SALARY"
  | "SOCIAL_INSURANCE"
  | "TAX"
  | "RENT"
  | "SUPPLIER"
  | "UTILITIES"
  | "BANK_FEE"
  | "INTEREST";

export interface BankLine {
  /** When the bank booked it (seconds from the month start; the statement shows the date). */
  timeSec: number;
  /** Signed fen: + credit (money in), − debit. */
  amountMinor: number;
  counterpartyName: string;
  counterpartyAccount: string;
  /** The bank's short transaction word (交易摘要): 汇入汇款, 代发工资, 手续费 … */
  summary: string;
  /** The free text (客户摘要 / 附言): for platform money, the prefix and the withdrawal or payout id. */
  note: string;
  category: BankLineCategory;
  /** The withdrawal or payout this credit is, when it is one. */
  source?: { store: StoreKey; sequence: number; id: string };
  /** The bank's own serial number (交易流水号); only some layouts print it. */
  reference: string;
  /** Filled in by the layout. */
  row: number;
  balanceMinor: number;
}
