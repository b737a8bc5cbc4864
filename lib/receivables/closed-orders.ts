// Order statuses that say the order was closed or cancelled (交易关闭 on Tmall/Taobao, 已取消 on JD
// and Pinduoduo, 已关闭 on Douyin): no money is coming, whatever the refund column says. Written as
// the exports print them; an order is closed when every row of it is.
export const CLOSED_ORDER_STATUSES = ["交易关闭", "已取消", "已关闭", "订单关闭", "Cancelled", "Canceled"] as const;

/** SQL: true when the "Order" row `alias` is closed. */
export function closedOrderSql(alias: string): string {
  return `COALESCE(${alias}.status IN (${CLOSED_ORDER_STATUSES.map((status) => `'${status}'`).join(", ")}), false)`;
}
