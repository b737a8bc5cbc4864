// Stripe balance history (Dashboard → Balance → Export: id,Type,Source,Amount,Fee,Net,Currency,
// Created (UTC),Available On (UTC),Description[,Customer Facing Amount,Customer Facing Currency,
// Transfer,Transfer Date (UTC)]) and its successor, the itemized balance change report
// (balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,
// description[,…,automatic_payout_id]). Both list every movement of the Stripe balance, which is a
// platform balance like Amazon's or Shopify Payments': a settlement source, signed from the seller's
// side (charges +, refunds −, fees −, payouts −). As for Shopify Payments, each row becomes its gross
// line plus a SERVICE_FEE line for the fee. Stripe writes the fee positive when charged (Net = Amount
// − Fee; a refund that gives a fee back writes it negative); the fee line is whatever makes the
// row's lines add up to Net. Payout rows carry the payout id (Source, "po_…") and use the same key as
// the payouts export, so importing both does not count a payout twice.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";
import type { SettlementLineType } from "../types";

const C = {
  id: ["id", "balance_transaction_id"],
  type: ["Type", "reporting_category"],
  source: ["Source", "source_id"],
  amount: ["Amount", "gross"],
  fee: ["Fee"],
  net: ["Net"],
  currency: ["Currency"],
  created: ["Created (UTC)", "created_utc", "Created"],
  availableOn: ["Available On (UTC)", "available_on_utc"],
  description: ["Description"],
  payout: ["Transfer", "automatic_payout_id"],
} as const;

const LINE_TYPES: Record<string, SettlementLineType> = {
  charge: "SALE",
  payment: "SALE",
  refund: "REFUND",
  payment_refund: "REFUND",
  payment_failure_refund: "REFUND",
  refund_failure: "ADJUSTMENT",
  payout: "WITHDRAWAL",
  payout_cancel: "WITHDRAWAL",
  payout_failure: "WITHDRAWAL",
  payout_reversal: "WITHDRAWAL",
  adjustment: "ADJUSTMENT",
  dispute: "ADJUSTMENT",
  dispute_reversal: "ADJUSTMENT",
  partial_capture_reversal: "ADJUSTMENT",
  stripe_fee: "SERVICE_FEE",
  fee: "SERVICE_FEE",
  tax_fee: "SERVICE_FEE",
  network_cost: "SERVICE_FEE",
  application_fee: "SERVICE_FEE",
  application_fee_refund: "SERVICE_FEE",
};

/** Before 2017 a payout to the bank was a "transfer" described "STRIPE TRANSFER"; other transfers go to Connect accounts. */
function lineTypeOf(type: string, description: string | undefined): SettlementLineType {
  if (type === "transfer" || type === "transfer_cancel" || type === "transfer_failure") {
    return /^STRIPE TRANSFER/i.test(description ?? "") ? "WITHDRAWAL" : "OTHER";
  }
  return LINE_TYPES[type] ?? "OTHER";
}

export const stripeBalanceHistory = defineFormat({
  id: "stripe-balance-history",
  kind: "settlement",
  keyNamespace: "stripe",
  label: { "zh-CN": "Stripe 余额明细", en: "Stripe balance history" },
  anchorColumn: C.id,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.id, C.type, C.amount, C.fee, C.net, C.currency, C.created],
      optional: [C.source, C.availableOn, C.description, C.payout],
    }),
  mapRow(row) {
    const id = row.requiredText(C.id);
    const when = row.dateTime(C.created, { required: true });
    const currency = currencyFrom(row, C.currency, "USD");
    const decimals = currencyDecimals(currency);
    const amount = row.amount(C.amount, { required: true, decimals });
    const fee = row.amount(C.fee, { decimals }) ?? 0n;
    const net = row.amount(C.net, { decimals });
    if (!id || !when || amount === undefined) return null;
    const type = (row.text(C.type) ?? "").toLowerCase();
    const description = row.text(C.description);
    const source = row.text(C.source);
    const lineType = lineTypeOf(type, description);
    let feeLine = -fee;
    if (net !== undefined && net !== amount - fee) {
      if (net === amount + fee) feeLine = fee;
      else row.warn("NET_AMOUNT_MISMATCH", C.net, { amount: row.text(C.amount) ?? "", fee: row.text(C.fee) ?? "", net: row.text(C.net) ?? "" });
    }
    const isPayout = lineType === "WITHDRAWAL";
    const shared = {
      ...occurredFields(when),
      payoutId: isPayout ? (source ?? row.text(C.payout)) : row.text(C.payout),
      currency,
      reference: source,
    };
    const lines: RowDraft<"settlement">[] = [
      {
        ...shared,
        lineType,
        amountMinor: amount,
        memo: joinText(type, description),
        // A payout has one key whichever export it comes from (the payouts export keys it the same).
        uniqueId: isPayout && source && type === "payout" ? `payout:${source}` : id,
      },
    ];
    if (feeLine !== 0n) lines.push({ ...shared, lineType: "SERVICE_FEE", amountMinor: feeLine, memo: joinText("fee", type), uniqueId: `${id}:fee` });
    return lines;
  },
});
