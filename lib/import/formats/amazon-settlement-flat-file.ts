// Amazon's flat-file settlement report in its original, wide layout: _GET_FLAT_FILE_PAYMENT_SETTLEMENT_DATA_
// in MWS, still served by SP-API as GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE ("Flat File Settlement
// Report"), beside the condensed GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 that amazon-settlement-v2
// reads. 36 tab-separated columns: one row per order item and event, each amount in its own typed
// column pair — price-type/price-amount, item-related-fee-type/-amount, shipment-fee-*, order-fee-*,
// promotion-type/-amount, direct-payment-type/-amount — plus the untyped misc-fee-amount,
// other-fee-amount (with other-fee-reason-description) and other-amount. Each filled amount becomes
// one settlement line, classified as V2 classifies its amount-type / amount-description pairs. The
// first data row is the summary (total-amount, deposit-date, no transaction-type), stored as the
// WITHDRAWAL of the total like V2. Dates are ISO with an offset ("2015-12-02T04:15:26+00:00"), kept
// as written. Columns are found by name, so a shorter variant of the layout reads the same.
import { defineFormat, type RowDraft } from "./format-adapter";
import { amazonLineType } from "./amazon-settlement-v2";
import { scoreHeader } from "./score-header";
import { AMAZON_HEAD_COLUMNS, amazonSummaryDraft, isAmazonSummaryRow, readAmazonRowHead } from "./shared/amazon-settlement-head";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  ...AMAZON_HEAD_COLUMNS,
  orderId: "order-id",
  adjustmentId: "adjustment-id",
  shipmentId: "shipment-id",
  postedDate: "posted-date",
  orderItemCode: "order-item-code",
  sku: "sku",
  priceType: "price-type",
  priceAmount: "price-amount",
  itemFeeType: "item-related-fee-type",
  itemFeeAmount: "item-related-fee-amount",
  shipmentFeeType: "shipment-fee-type",
  shipmentFeeAmount: "shipment-fee-amount",
  orderFeeType: "order-fee-type",
  orderFeeAmount: "order-fee-amount",
  promotionType: "promotion-type",
  promotionAmount: "promotion-amount",
  directPaymentType: "direct-payment-type",
  directPaymentAmount: "direct-payment-amount",
  miscFeeAmount: "misc-fee-amount",
  otherFeeAmount: "other-fee-amount",
  otherFeeReason: "other-fee-reason-description",
  otherAmount: "other-amount",
} as const;

/**
 * Each amount column, the column naming its type (if any) and the V2 amount-type it corresponds to,
 * so both layouts classify a fee, a promotion or a sale the same way.
 */
const AMOUNT_COLUMNS: ReadonlyArray<{ amount: string; type?: string; amountType: string }> = [
  { amount: C.priceAmount, type: C.priceType, amountType: "ItemPrice" },
  { amount: C.itemFeeAmount, type: C.itemFeeType, amountType: "ItemFees" },
  { amount: C.shipmentFeeAmount, type: C.shipmentFeeType, amountType: "ItemFees" },
  { amount: C.orderFeeAmount, type: C.orderFeeType, amountType: "ItemFees" },
  { amount: C.promotionAmount, type: C.promotionType, amountType: "Promotion" },
  { amount: C.directPaymentAmount, type: C.directPaymentType, amountType: "DirectPayment" },
  { amount: C.miscFeeAmount, amountType: "MiscFee" },
  { amount: C.otherFeeAmount, type: C.otherFeeReason, amountType: "OtherFee" },
  { amount: C.otherAmount, amountType: "other-transaction" },
];

export const amazonSettlementFlatFile = defineFormat({
  id: "amazon-settlement-flat-file",
  kind: "settlement",
  keyNamespace: "amazon",
  label: { "zh-CN": "亚马逊结算报告 Flat File（分列旧版）", en: "Amazon settlement report (flat file, legacy column layout)" },
  anchorColumn: C.settlementId,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.settlementId, C.transactionType, C.priceType, C.priceAmount],
      optional: [
        C.depositDate,
        C.totalAmount,
        C.currency,
        C.orderId,
        C.postedDate,
        C.itemFeeType,
        C.itemFeeAmount,
        C.promotionAmount,
        C.otherAmount,
      ],
    }),
  mapRow(row): RowDraft<"settlement">[] | RowDraft<"settlement"> | null {
    const head = readAmazonRowHead(row);
    if (isAmazonSummaryRow(row, head)) return amazonSummaryDraft(row, head);
    const { settlementId, currency, decimals, transactionType } = head;
    const amounts: Array<{ amountType: string; description: string; amount: bigint }> = [];
    for (const column of AMOUNT_COLUMNS) {
      if (row.text(column.amount) === undefined) continue;
      const amount = row.amount(column.amount, { decimals });
      if (amount === undefined) continue;
      const description = (column.type && row.text(column.type)) || (column.amountType === "other-transaction" ? (transactionType ?? "") : "");
      amounts.push({ amountType: column.amountType, description, amount });
    }
    // A row that only carries the quantity ("quantity-purchased" 1, no amount) moved no money.
    if (amounts.length === 0) return null;
    const posted = row.dateTime(C.postedDate, { required: true });
    if (!settlementId || !posted || row.hasErrors) return null;
    const shared = {
      ...occurredFields(posted),
      orderNo: row.text(C.orderId),
      payoutId: settlementId,
      currency,
      reference: row.text(C.adjustmentId) ?? row.text(C.orderItemCode) ?? row.text(C.shipmentId),
    };
    return amounts.map(({ amountType, description, amount }) => ({
      ...shared,
      lineType: amazonLineType(transactionType ?? "", amountType, description),
      amountMinor: amount,
      memo: joinText(transactionType, amountType, description, row.text(C.sku)),
    }));
  },
});
