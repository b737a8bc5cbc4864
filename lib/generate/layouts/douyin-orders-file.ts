// 抖店 订单导出: UTF-8 with BOM, LF, the 24-column header of tests/samples/import/douyin-orders.csv,
// one row per sub-order (子订单). Ids and texts are quoted with a leading TAB ("\t6917…") so Excel
// keeps them as text; receiver fields are "##密文"; "-" marks an empty time or status.
// 订单应付金额 = 商品金额 − 商家/平台/达人承担的优惠; the platform pays its own share back at settlement.
import { productAt } from "../catalog/products";
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { TextFileWriter } from "../output/text-file-writer";
import { snapshotOf } from "../simulate/order-snapshot";
import type { StoreRun } from "../store-run";
import type { OrdersFileWriter } from "./orders-file-writer";

export const DOUYIN_ORDERS_HEADER =
  "主订单编号,子订单编号,选购商品,商品ID,商品规格,商品数量,商家编码,商品金额,订单应付金额,运费,收件人,收件人手机号,详细地址,订单提交时间,支付完成时间,商家备注,订单完成时间,订单状态,售后状态,取消原因,发货时间,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额";

const tabGuarded = (text: string) => `"\t${text}"`;

export function openDouyinOrdersFile(path: string, run: StoreRun, calendar: MonthCalendar): OrdersFileWriter {
  const file = new TextFileWriter(path, "utf-8-bom", "\n");
  file.line(DOUYIN_ORDERS_HEADER);
  return {
    write(order) {
      const at = snapshotOf(order, calendar);
      const status = at.cancelled ? "已关闭" : at.confirmed ? "已完成" : at.shipped ? "已发货" : "待发货";
      const mainNo = run.ids.douyinOrderNo(order.index);
      let first = 0;
      order.items.forEach((item, k) => {
        const product = productAt(item.productIndex);
        const cells = [
          tabGuarded(mainNo),
          tabGuarded(run.ids.douyinSubOrderNo(order.index, k, order.items.length)),
          tabGuarded(product.title),
          tabGuarded(product.listingId),
          tabGuarded(`${item.quantity}件`),
          String(item.quantity),
          tabGuarded(product.skuCode),
          minorText(item.goodsMinor),
          minorText(item.payableMinor),
          "0.00",
          "##密文",
          "$$密文",
          "##密文",
          calendar.dateTimeOf(order.createdSec),
          calendar.dateTimeOf(order.paidSec),
          "-",
          at.confirmed ? calendar.dateTimeOf(order.confirmedSec) : "-",
          status,
          at.refundedMinor > 0 ? "退款成功" : "-",
          "",
          at.shipped ? calendar.dateTimeOf(order.shippedSec) : "-",
          minorText(item.platformDiscountMinor),
          minorText(item.sellerDiscountMinor),
          "0.00",
        ];
        const row = file.line(cells.join(","));
        if (first === 0) first = row;
      });
      return first;
    },
    async close() {
      file.close();
      return file.lineCount - 1;
    },
  };
}
