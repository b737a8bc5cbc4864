// JD POP 订单导出: GBK, CRLF, the 30-column header of tests/samples/import/jd-orders.csv, one row per
// SKU (an order with three products is three rows sharing 订单号). Each row carries its own amounts:
// 订单金额 = 京东价 × 订购数量, 应付金额 what the buyer paid for the line, 结算金额 what JD will settle for
// it (应付 − the line's share of the commission; 0.00 once cancelled).
import { buyerOf } from "../catalog/people";
import { productAt } from "../catalog/products";
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { TextFileWriter } from "../output/text-file-writer";
import { snapshotOf } from "../simulate/order-snapshot";
import type { StoreRun } from "../store-run";
import type { OrdersFileWriter } from "./orders-file-writer";

export const JD_ORDERS_HEADER =
  "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道";

export function openJdOrdersFile(path: string, run: StoreRun, calendar: MonthCalendar): OrdersFileWriter {
  const file = new TextFileWriter(path, "gbk", "\r\n");
  file.line(JD_ORDERS_HEADER);
  return {
    write(order) {
      const at = snapshotOf(order, calendar);
      const status = at.cancelled ? "已取消" : at.confirmed ? "完成" : at.shipped ? "等待确认收货" : "等待出库";
      const buyer = buyerOf(run.simulation.streamSeed, order.index);
      const orderNo = run.ids.jdOrderNo(order.index);
      let first = 0;
      for (const item of order.items) {
        const product = productAt(item.productIndex);
        const cells = [
          orderNo,
          product.listingId,
          product.title,
          String(item.quantity),
          "在线支付",
          calendar.dateTimeOf(order.createdSec),
          minorText(product.priceMinor),
          minorText(item.goodsMinor),
          minorText(at.cancelled ? 0 : item.payableMinor - item.commissionMinor),
          "0.00",
          minorText(item.payableMinor),
          status,
          "SOP",
          `jd_***${buyer.nickname.slice(-1)}`,
          buyer.maskedName,
          buyer.address,
          buyer.maskedMobile,
          "",
          "电子发票",
          "个人",
          "明细",
          "",
          "",
          "0.00",
          calendar.dateTimeOf(order.paidSec),
          "否",
          product.skuCode,
          at.confirmed ? calendar.dateTimeOf(order.confirmedSec) : "",
          "移动端",
          "京东APP",
        ];
        const row = file.line(cells.join(","));
        if (first === 0) first = row;
      }
      return first;
    },
    async close() {
      file.close();
      return file.lineCount - 1;
    },
  };
}
