// Stripe payouts export (Dashboard → Balance → Payouts → Export): id,Amount,Created (UTC),Currency,
// Arrival Date (UTC),Status[,Type,Method,Source Type,Description,Destination,Balance Transaction,…].
// Each payout takes its Amount (written positive) out of the Stripe balance and sends it to the
// bank: a WITHDRAWAL line, negative, dated when it left the balance (Created, else the arrival
// date), keyed by its payout id exactly as the balance history keys its payout row, so the two
// exports never count one payout twice. A failed or cancelled payout came back to the balance and
// moved nothing: skipped, and said so.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";

const C = {
  id: "id",
  amount: "Amount",
  created: "Created (UTC)",
  currency: "Currency",
  arrival: ["Arrival Date (UTC)", "Arrival Date"],
  status: "Status",
  type: "Type",
  method: "Method",
  description: "Description",
  destination: "Destination",
  balanceTransaction: "Balance Transaction",
} as const;

const NO_MONEY_MOVED = new Set(["failed", "canceled", "cancelled"]);

export const stripePayouts = defineFormat({
  id: "stripe-payouts",
  kind: "settlement",
  keyNamespace: "stripe",
  label: { "zh-CN": "Stripe 提现（Payouts）", en: "Stripe payouts" },
  anchorColumn: C.id,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.id, C.amount, C.arrival, C.status],
      optional: [C.created, C.currency, C.type, C.method, C.description, C.destination, C.balanceTransaction],
    }),
  mapRow(row): RowDraft<"settlement"> | null {
    const id = row.requiredText(C.id);
    const currency = currencyFrom(row, C.currency, "USD");
    const decimals = currencyDecimals(currency);
    const amount = row.amount(C.amount, { required: true, decimals });
    const arrival = row.dateTime(C.arrival, { required: true });
    const created = row.dateTime(C.created);
    const status = row.text(C.status) ?? "";
    if (!id || amount === undefined || !arrival) return null;
    if (NO_MONEY_MOVED.has(status.toLowerCase())) return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.status, { status });
    if (amount < 0n) {
      // A payout is money leaving the balance; a negative one is not a layout this adapter knows.
      row.error("INVALID_DIRECTION", C.amount, { value: row.text(C.amount) ?? "" });
      return null;
    }
    return {
      ...occurredFields(created ?? arrival),
      lineType: "WITHDRAWAL",
      payoutId: id,
      amountMinor: -amount,
      currency,
      reference: row.text(C.balanceTransaction),
      memo: joinText("payout", status, row.text(C.description), `arrival ${arrival.date}`),
      uniqueId: `payout:${id}`,
    };
  },
});
