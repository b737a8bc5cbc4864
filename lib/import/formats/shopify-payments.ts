// Shopify Payments transactions export (Finances → Payouts → Export transactions, UTF-8 CSV):
// Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,
// Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency[,VAT].
// Amount is gross (negative for refunds), Fee is written positive, Net = Amount − Fee. Each row
// becomes a gross line plus, when there is a fee, a SERVICE_FEE line, so fees are visible on their own.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";
import type { SettlementLineType } from "../types";

const C = {
  date: "Transaction Date",
  type: "Type",
  order: "Order",
  cardBrand: "Card Brand",
  payoutStatus: "Payout Status",
  payoutDate: "Payout Date",
  payoutId: "Payout ID",
  amount: "Amount",
  fee: "Fee",
  net: "Net",
  checkout: "Checkout",
  paymentMethod: "Payment Method Name",
  currency: "Currency",
} as const;

const LINE_TYPES: Record<string, SettlementLineType> = {
  charge: "SALE",
  refund: "REFUND",
  chargeback: "ADJUSTMENT",
  chargeback_won: "ADJUSTMENT",
  chargeback_lost: "ADJUSTMENT",
  adjustment: "ADJUSTMENT",
  refund_failure: "ADJUSTMENT",
  payout: "WITHDRAWAL",
};

export const shopifyPayments = defineFormat({
  id: "shopify-payments",
  kind: "settlement",
  keyNamespace: "shopify",
  label: { "zh-CN": "Shopify Payments 交易明细", en: "Shopify Payments transactions" },
  anchorColumn: C.date,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.type, C.order, C.amount, C.fee, C.net],
      optional: [C.cardBrand, C.payoutStatus, C.payoutDate, C.payoutId, C.checkout, C.paymentMethod, C.currency],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const currency = currencyFrom(row, C.currency, "USD");
    const decimals = currencyDecimals(currency);
    const amount = row.amount(C.amount, { required: true, decimals });
    const fee = row.amount(C.fee, { decimals }) ?? 0n;
    const net = row.amount(C.net, { decimals });
    if (!when || amount === undefined) return null;
    if (net !== undefined && net !== amount - fee) {
      row.warn("NET_AMOUNT_MISMATCH", C.net, { amount: row.text(C.amount) ?? "", fee: row.text(C.fee) ?? "", net: row.text(C.net) ?? "" });
    }
    const type = (row.text(C.type) ?? "").toLowerCase();
    const shared = {
      ...occurredFields(when),
      orderNo: row.text(C.order),
      payoutId: row.text(C.payoutId),
      currency,
      reference: row.text(C.checkout),
    };
    const lines: RowDraft<"settlement">[] = [
      { ...shared, lineType: LINE_TYPES[type] ?? "OTHER", amountMinor: amount, memo: joinText(type, row.text(C.cardBrand), row.text(C.paymentMethod)) },
    ];
    if (fee !== 0n) {
      // A positive Fee is charged to the seller; a negative one (rare) is a fee given back.
      lines.push({ ...shared, lineType: "SERVICE_FEE", amountMinor: -fee, memo: joinText("fee", type) });
    }
    return lines;
  },
});
