// Shopify orders export (Orders → Export, orders_export.csv): Name,Email,Financial Status,Paid at,
// Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount
// Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,…,
// Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,…,Id,….
// One row per line item; the order's own columns (Financial Status, Paid at, Currency, Total,
// Refunded Amount, Created at…) are filled on the order's first row only, and the further rows repeat
// just the Name (and Email) beside their Lineitem columns. Those rows are not orders: they are skipped,
// so an order is stored once with its Total, never once per line item. Dates look like
// "2024-05-01 10:00:00 +0000" and are kept as written.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyDecimals } from "@/lib/money";
import { toDateOrDateTime } from "../normalize/parse-date-time";
import { currencyFrom } from "./shared/row-values";

const C = {
  name: "Name",
  email: "Email",
  financialStatus: "Financial Status",
  paidAt: "Paid at",
  fulfillmentStatus: "Fulfillment Status",
  currency: "Currency",
  subtotal: "Subtotal",
  total: "Total",
  createdAt: "Created at",
  lineitemQuantity: "Lineitem quantity",
  lineitemName: "Lineitem name",
  lineitemPrice: "Lineitem price",
  cancelledAt: "Cancelled at",
  refundedAmount: "Refunded Amount",
  outstandingBalance: "Outstanding Balance",
} as const;

/** Financial statuses that are about money going back to the buyer. */
const REFUND_STATUSES = new Set(["refunded", "partially_refunded"]);

export const shopifyOrders = defineFormat({
  id: "shopify-orders",
  kind: "orders",
  keyNamespace: "shopify",
  label: { "zh-CN": "Shopify 订单导出", en: "Shopify orders export" },
  // Not Name: order names start with "#", which the footer rule drops when it stands in the anchor cell.
  anchorColumn: C.lineitemName,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.name, C.financialStatus, C.total, C.lineitemQuantity, C.lineitemName],
      optional: [C.email, C.paidAt, C.fulfillmentStatus, C.currency, C.subtotal, C.createdAt, C.lineitemPrice, C.refundedAmount, C.cancelledAt],
    }),
  mapRow(row): RowDraft<"orders"> | null {
    const orderNo = row.requiredText(C.name);
    const financialStatus = row.text(C.financialStatus);
    // A further line item of the order above: its money is in the order's first row.
    if (financialStatus === undefined && row.text(C.total) === undefined) return null;
    const currency = currencyFrom(row, C.currency, "USD");
    const decimals = currencyDecimals(currency);
    const total = row.amount(C.total, { required: true, decimals });
    const refunded = row.amount(C.refundedAmount, { decimals }) ?? 0n;
    const outstanding = row.amount(C.outstandingBalance, { decimals }) ?? 0n;
    const created = row.dateTime(C.createdAt);
    const paid = row.dateTime(C.paidAt);
    const cancelled = row.text(C.cancelledAt);
    if (cancelled !== undefined) row.dateTime(C.cancelledAt);
    if (!orderNo || total === undefined) return null;
    const status = financialStatus?.toLowerCase();
    return {
      orderNo,
      // "Cancelled" is the word the closed-order rules know; the financial status says the rest.
      status: cancelled !== undefined ? "Cancelled" : financialStatus,
      afterSaleStatus: status !== undefined && REFUND_STATUSES.has(status) ? financialStatus : undefined,
      // Paid: the Total less what is still owed; nothing while the order has no "Paid at"
      // (pending, authorized, voided: no money captured).
      paidAmountMinor: paid ? total - outstanding : 0n,
      refundMinor: refunded,
      currency,
      createdAt: created && toDateOrDateTime(created),
      paidAt: paid && toDateOrDateTime(paid),
      uniqueId: orderNo,
    };
  },
});
