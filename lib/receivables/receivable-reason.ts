// Why an order has its status, in words ("T+7 到期于 3月12日，平台账单未见结算"): a message key under
// receivables.reasons and its values, so the page, the export and the drawer say the same thing in
// the reader's language. Amounts are passed as minor units in text; the caller formats them.
import type { ReceivableRow } from "./list-receivables";

export type ReasonParts = { key: string; values: Record<string, string | number> };

const day = (value: string | null) => (value ?? "").slice(0, 10);

export function receivableReason(row: Pick<ReceivableRow, "status" | "expectedOn" | "expectedBasis" | "confirmedAt" | "paidAt" | "settledOn" | "receivedOn" | "termsDays" | "autoConfirmDays" | "days" | "settledMinor" | "withdrawnMinor" | "receivedMinor" | "outstandingMinor" | "differenceMinor" | "refundMinor" | "paidMinor" | "badDebtMinor">): ReasonParts {
  const due = day(row.expectedOn);
  const terms = row.termsDays;
  switch (row.status) {
    case "NOT_DUE":
      if (row.expectedBasis === "AUTO_CONFIRM") return { key: "notDueAutoConfirm", values: { paid: day(row.paidAt), auto: row.autoConfirmDays, terms, due } };
      if (row.expectedBasis === "CONFIRMED") return { key: "notDueConfirmed", values: { confirmed: day(row.confirmedAt), terms, due } };
      return { key: "notDueUnknown", values: {} };
    case "OVERDUE":
      if (row.expectedBasis === "AUTO_CONFIRM") return { key: "overdueAutoConfirm", values: { paid: day(row.paidAt), auto: row.autoConfirmDays, terms, due, days: row.days ?? 0 } };
      return { key: "overdueConfirmed", values: { confirmed: day(row.confirmedAt), terms, due, days: row.days ?? 0 } };
    case "SETTLED":
      return row.withdrawnMinor > 0n
        ? { key: "settledWithdrawn", values: { on: day(row.settledOn), amount: row.settledMinor.toString(), withdrawn: row.withdrawnMinor.toString() } }
        : { key: "settledInWallet", values: { on: day(row.settledOn), amount: row.settledMinor.toString() } };
    case "RECEIVED":
      return { key: "received", values: { on: day(row.receivedOn), amount: row.receivedMinor.toString() } };
    case "PARTIAL":
      return { key: "partial", values: { settled: row.settledMinor.toString(), received: row.receivedMinor.toString(), outstanding: row.outstandingMinor.toString() } };
    case "REFUNDED":
      if (row.badDebtMinor > 0n) return { key: "writtenOff", values: { amount: row.badDebtMinor.toString() } };
      return row.refundMinor > 0n && row.refundMinor >= row.paidMinor ? { key: "refunded", values: { refund: row.refundMinor.toString() } } : { key: "closed", values: {} };
    case "DIFFERENCE":
      return { key: "difference", values: { settled: row.settledMinor.toString(), difference: row.differenceMinor.toString() } };
  }
}

/** The values of a reason that are amounts (minor units as text), for the caller to format as yuan. */
export const REASON_AMOUNTS = new Set(["amount", "withdrawn", "settled", "received", "outstanding", "refund", "difference"]);
