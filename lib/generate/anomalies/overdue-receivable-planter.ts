// OVERDUE_RECEIVABLE: a Tmall order paid on 2025-01-10 that never settles. Nobody confirms it, so
// its money is due by the platform's automatic confirmation (payment + 12 days, T+0: 2025-01-22,
// lib/receivables/expected-date.ts) — 69 days overdue on 2025-04-01, far past the rule's 30. Its day
// has no sales history around it, so UNUSUAL_CHANGE does not look at it.
import type { AnomalyPlanter } from "./anomaly-planter";
import { appendTmallOrders, TMALL_STORE_NAME } from "./tmall-order-rows";

export const OVERDUE_ORDER_NO = "2228640000000000101";
export const OVERDUE_AMOUNT_MINOR = 88_800;

export const overdueReceivablePlanter: AnomalyPlanter = {
  type: "OVERDUE_RECEIVABLE",
  async plant(month) {
    const { file, rows } = appendTmallOrders(month, [{ orderNo: OVERDUE_ORDER_NO, paidAt: "2025-01-10 10:20:30", amountMinor: OVERDUE_AMOUNT_MINOR }]);
    return {
      planted: {
        type: "OVERDUE_RECEIVABLE",
        note: `Tmall order ${OVERDUE_ORDER_NO} paid 2025-01-10, never settled, appended to ${file} row ${rows[0]}`,
        rows: rows.map((sourceRow) => ({ file, sourceRow })),
        storeName: TMALL_STORE_NAME,
      },
    };
  },
};
