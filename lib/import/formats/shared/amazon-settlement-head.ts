// What both Amazon settlement flat files (the condensed V2, amazon-settlement-v2, and the wide legacy
// layout, amazon-settlement-flat-file) read the same way: the settlement id, currency and transaction type
// every row carries, and the summary row. The first data row of either file is the settlement summary
// (total-amount and deposit-date, no transaction-type); kept here once so that the two layouts store the
// same payout the same way and a deposit cannot be signed one way in one layout and the other in the other.
import { currencyDecimals } from "@/lib/money";
import type { RowCells } from "../../normalize/row-cells";
import type { RowDraft } from "../format-adapter";
import { currencyFrom, occurredFields } from "./row-values";

/** The columns both layouts name the same; each adapter's own column table starts from these. */
export const AMAZON_HEAD_COLUMNS = {
  settlementId: "settlement-id",
  depositDate: "deposit-date",
  totalAmount: "total-amount",
  currency: "currency",
  transactionType: "transaction-type",
} as const;
const C = AMAZON_HEAD_COLUMNS;

export type AmazonRowHead = { settlementId?: string; currency: string; decimals: number; transactionType?: string };

/** The cells every row of an Amazon settlement flat file starts from (settlement-id is required). */
export function readAmazonRowHead(row: RowCells): AmazonRowHead {
  const settlementId = row.requiredText(C.settlementId);
  const currency = currencyFrom(row, C.currency, "USD");
  // Amazon.co.jp settles in yen, which has no minor unit.
  const decimals = currencyDecimals(currency);
  return { settlementId, currency, decimals, transactionType: row.text(C.transactionType) };
}

/** The summary row has a total-amount and no transaction-type. */
export function isAmazonSummaryRow(row: RowCells, head: AmazonRowHead): boolean {
  return head.transactionType === undefined && row.text(C.totalAmount) !== undefined;
}

/**
 * The summary row: the settlement total that Amazon pays to the bank on deposit-date. As a line of the
 * seller's Amazon balance it is money leaving, hence negative (a WITHDRAWAL); the file's other lines sum to it.
 */
export function amazonSummaryDraft(row: RowCells, head: AmazonRowHead): RowDraft<"settlement"> | null {
  const total = row.amount(C.totalAmount, { required: true, decimals: head.decimals });
  const deposited = row.dateTime(C.depositDate, { required: true });
  if (!head.settlementId || total === undefined || !deposited) return null;
  return {
    ...occurredFields(deposited),
    lineType: "WITHDRAWAL",
    payoutId: head.settlementId,
    amountMinor: -total,
    currency: head.currency,
    memo: "settlement total (deposit)",
    uniqueId: `settlement:${head.settlementId}`,
  };
}
