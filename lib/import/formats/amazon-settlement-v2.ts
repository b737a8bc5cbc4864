// Amazon Settlement Report V2 flat file (tab-separated): settlement-id, settlement-start-date,
// settlement-end-date, deposit-date, total-amount, currency, transaction-type, order-id, …,
// amount-type, amount-description, amount, fulfillment-id, posted-date, posted-date-time, … The first
// data row is the settlement summary (total-amount and deposit-date, no transaction-type); every
// other row is one amount. Dates carry "UTC", and like every date here they are kept as written.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { AMAZON_HEAD_COLUMNS, amazonSummaryDraft, isAmazonSummaryRow, readAmazonRowHead } from "./shared/amazon-settlement-head";
import { joinText, occurredFields } from "./shared/row-values";
import type { SettlementLineType } from "../types";

const C = {
  ...AMAZON_HEAD_COLUMNS,
  orderId: "order-id",
  adjustmentId: "adjustment-id",
  shipmentId: "shipment-id",
  amountType: "amount-type",
  amountDescription: "amount-description",
  amount: "amount",
  postedDate: "posted-date",
  postedDateTime: "posted-date-time",
  orderItemCode: "order-item-code",
  sku: "sku",
} as const;

export function amazonLineType(transactionType: string, amountType: string, description: string): SettlementLineType {
  if (amountType === "Promotion") return "PROMOTION";
  if (amountType === "ItemPrice") return transactionType === "Refund" ? "REFUND" : "SALE";
  if (amountType === "ItemWithheldTax" || /MarketplaceFacilitator|Tax/i.test(description)) return "OTHER";
  if (amountType === "ItemFees") return /Commission/i.test(description) ? "COMMISSION" : "SERVICE_FEE";
  if (transactionType === "ServiceFee" || /Fee/i.test(amountType) || /Fee$/i.test(description)) return "SERVICE_FEE";
  if (/Adjustment|Reimburs/i.test(transactionType) || /Reimburs/i.test(description)) return "ADJUSTMENT";
  return "OTHER";
}

export const amazonSettlementV2 = defineFormat({
  id: "amazon-settlement-v2",
  kind: "settlement",
  keyNamespace: "amazon",
  label: { "zh-CN": "亚马逊结算报告 V2", en: "Amazon settlement report (V2 flat file)" },
  anchorColumn: C.settlementId,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.settlementId, C.transactionType, C.amountType, C.amount],
      optional: [C.depositDate, C.totalAmount, C.currency, C.orderId, C.amountDescription, C.postedDate, C.postedDateTime],
    }),
  mapRow(row): RowDraft<"settlement"> | null {
    const head = readAmazonRowHead(row);
    if (isAmazonSummaryRow(row, head)) return amazonSummaryDraft(row, head);
    const { settlementId, currency, decimals, transactionType } = head;
    const amount = row.amount(C.amount, { required: true, decimals });
    const posted = row.dateTime(C.postedDateTime) ?? row.dateTime(C.postedDate, { required: true });
    if (!settlementId || amount === undefined || !posted) return null;
    const amountType = row.text(C.amountType) ?? "";
    const description = row.text(C.amountDescription) ?? "";
    return {
      ...occurredFields(posted),
      lineType: amazonLineType(transactionType ?? "", amountType, description),
      orderNo: row.text(C.orderId),
      payoutId: settlementId,
      amountMinor: amount,
      currency,
      reference: row.text(C.adjustmentId) ?? row.text(C.orderItemCode) ?? row.text(C.shipmentId),
      memo: joinText(transactionType, amountType, description, row.text(C.sku)),
    };
  },
});
