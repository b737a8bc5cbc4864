// New rows for the Tmall orders export (tmall-orders CSV, GBK): a copy of one of its paid, not yet
// shipped rows with a new order number, time and amount — what the shop's export shows for an order
// the buyer paid and nobody has confirmed. Used by the planters that add orders to a store.
import { findFile, lastDataIndex, readTextFile, writeTextFile, yuanText, type TextFile } from "./planted-text-file";
import type { GeneratedMonth } from "../generate-month";

export const TMALL_STORE_NAME = "天猫旗舰店";
const PAID_NOT_SHIPPED = "买家已付款，等待卖家发货";

export type NewTmallOrder = { orderNo: string; paidAt: string; amountMinor: number };

function columnsOf(text: TextFile): Map<string, number> {
  return new Map(text.lines[0]!.split(",").map((name, index) => [name.trim(), index]));
}

/** Appends the orders after the last data row; returns their rows (as the importer numbers them) and the file. */
export function appendTmallOrders(month: GeneratedMonth, orders: readonly NewTmallOrder[]): { file: string; rows: number[] } {
  const file = findFile(month, "tmall-orders");
  const text = readTextFile(file);
  const columns = columnsOf(text);
  const col = (name: string) => {
    const index = columns.get(name);
    if (index === undefined) throw new Error(`tmall-orders has no column ${name}`);
    return index;
  };
  const template = text.lines.find((line) => line.split(",")[col("订单状态")] === PAID_NOT_SHIPPED);
  if (!template) throw new Error("tmall-orders has no paid, unshipped row to copy");
  let at = lastDataIndex(text.lines) + 1;
  const rows: number[] = [];
  for (const order of orders) {
    const fields = template.split(",");
    const amount = yuanText(order.amountMinor);
    fields[col("订单编号")] = `="${order.orderNo}"`;
    fields[col("主订单编号")] = `="${order.orderNo}"`;
    fields[col("买家应付货款")] = amount;
    fields[col("买家应付邮费")] = "0.00";
    fields[col("总金额")] = amount;
    fields[col("买家实际支付金额")] = amount;
    fields[col("订单创建时间")] = order.paidAt;
    fields[col("订单付款时间")] = order.paidAt;
    fields[col("退款金额")] = "0.00";
    fields[col("确认收货时间")] = "";
    fields[col("打款商家金额")] = "0.00元";
    text.lines.splice(at, 0, fields.join(","));
    rows.push(at + 1);
    at++;
  }
  writeTextFile(text);
  return { file: file.name, rows };
}

/** Each day's paid total of the export ("YYYY-MM-DD" → fen). */
export function tmallDailySales(month: GeneratedMonth): Map<string, number> {
  const text = readTextFile(findFile(month, "tmall-orders"));
  const columns = columnsOf(text);
  const paidAt = columns.get("订单付款时间")!;
  const paid = columns.get("买家实际支付金额")!;
  const byDay = new Map<string, number>();
  for (const line of text.lines.slice(1, lastDataIndex(text.lines) + 1)) {
    const fields = line.split(",");
    const day = (fields[paidAt] ?? "").trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    const [yuan = "0", fen = "0"] = (fields[paid] ?? "0").split(".");
    byDay.set(day, (byDay.get(day) ?? 0) + Number(yuan) * 100 + Number(fen.padEnd(2, "0").slice(0, 2)));
  }
  return byDay;
}
