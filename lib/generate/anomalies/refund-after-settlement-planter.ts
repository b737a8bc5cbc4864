// REFUND_AFTER_SETTLEMENT: a ¥5,000 交易退款 line appended to the 拼多多 店铺账务明细 for the order
// with the largest 交易收入 line — after its sale settled, at the time of the file's last line. The
// rule's default (¥3,000) sits above any refund the generator makes by itself (an order is at most
// ¥2,999), so the planted refund is larger than the sale: a refund of more than was settled. The
// ledger has no balance column; the footer's 支出合计 and 总计 follow.
import type { AnomalyPlanter } from "./anomaly-planter";
import { fenOf, findFile, lastDataIndex, readTextFile, writeTextFile, yuanText } from "./planted-text-file";

export const PLANTED_REFUND_MINOR = 500_000;
const PDD_STORE_NAME = "拼多多专营店";

export const refundAfterSettlementPlanter: AnomalyPlanter = {
  type: "REFUND_AFTER_SETTLEMENT",
  async plant(month) {
    const file = findFile(month, "pdd-account-ledger");
    const text = readTextFile(file);
    const header = text.lines.findIndex((line) => line.startsWith("商户订单号"));
    const last = lastDataIndex(text.lines);
    let best = -1;
    let bestSale = -1;
    for (let i = header + 1; i <= last; i++) {
      const fields = text.lines[i]!.split(",");
      if (fields[4] !== "交易收入") continue;
      const sale = fenOf(fields[2]!);
      if (sale > bestSale) [best, bestSale] = [i, sale];
    }
    if (best < 0) throw new Error("the PDD ledger has no sale line");
    const orderNo = text.lines[best]!.split(",")[0]!;
    const time = text.lines[last]!.split(",")[1]!;
    const row = `${orderNo},${time},0,-${yuanText(PLANTED_REFUND_MINOR)},交易退款,-,0020002|交易退款-订单退款`;
    text.lines.splice(last + 1, 0, row);
    const bump = (prefix: string) => {
      const at = text.lines.findIndex((line) => line.startsWith(prefix));
      if (at < 0) return;
      text.lines[at] = text.lines[at]!.replace(/：(\d+)笔，共(-?[\d.]+)元/, (_m, count: string, total: string) => `：${Number(count) + 1}笔，共${yuanText(fenOf(total) - PLANTED_REFUND_MINOR)}元`);
    };
    bump("#支出合计");
    bump("#总计");
    writeTextFile(text);
    return {
      planted: {
        type: "REFUND_AFTER_SETTLEMENT",
        note: `交易退款 of ${PLANTED_REFUND_MINOR} fen for order ${orderNo} (sale ${bestSale} fen) appended to ${file.name} row ${last + 2}`,
        rows: [{ file: file.name, sourceRow: last + 2 }],
        storeName: PDD_STORE_NAME,
      },
    };
  },
};
