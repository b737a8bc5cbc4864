// UNUSUAL_CHANGE: one day (2025-03-20) of the Tmall store with several times its usual sales —
// twenty extra paid orders worth five times the export's busiest day plus ¥10,000. They are paid and
// not yet shipped, so they wait for the automatic confirmation (2025-04-01, not overdue on the
// as-of day) and no bill line or wallet row touches them: no fee, refund or overdue alert.
import type { AnomalyPlanter } from "./anomaly-planter";
import { appendTmallOrders, tmallDailySales, TMALL_STORE_NAME } from "./tmall-order-rows";

export const UNUSUAL_DAY = "2025-03-20";
const EXTRA_ORDERS = 20;

export const unusualChangePlanter: AnomalyPlanter = {
  type: "UNUSUAL_CHANGE",
  async plant(month) {
    const busiest = Math.max(0, ...tmallDailySales(month).values());
    const total = 5 * busiest + 1_000_000;
    const each = Math.ceil(total / EXTRA_ORDERS);
    const orders = Array.from({ length: EXTRA_ORDERS }, (_, i) => ({
      orderNo: `22286400000000002${String(i).padStart(2, "0")}`,
      paidAt: `${UNUSUAL_DAY} ${String(9 + Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")}:00`,
      amountMinor: each,
    }));
    const { file, rows } = appendTmallOrders(month, orders);
    return {
      planted: {
        type: "UNUSUAL_CHANGE",
        note: `${EXTRA_ORDERS} Tmall orders of ${each} fen each paid on ${UNUSUAL_DAY}, appended to ${file} rows ${rows[0]}–${rows.at(-1)}`,
        rows: rows.map((sourceRow) => ({ file, sourceRow })),
        storeName: TMALL_STORE_NAME,
      },
    };
  },
};
