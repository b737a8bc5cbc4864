// Tmall 订单报表 (ExportOrderList….csv): GBK, CRLF, the 61-column header of tests/samples/import/
// tmall-orders.csv, one row per order, 订单编号 and 主订单编号 guarded as ="…", 联系手机 as '…, and
// 打款商家金额 written "109.00元". Statuses are what the seller centre shows at the month end.
import { buyerOf } from "../catalog/people";
import { productAt } from "../catalog/products";
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { TextFileWriter } from "../output/text-file-writer";
import { snapshotOf } from "../simulate/order-snapshot";
import type { SimulatedOrder } from "../simulate/simulated-order";
import type { StoreRun } from "../store-run";
import type { OrdersFileWriter } from "./orders-file-writer";

export const TMALL_ORDERS_HEADER =
  "订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包,是否信用购,体验期结束时间,前N有礼,配送类型,主订单编号";

function statusAndCloseReason(order: SimulatedOrder, calendar: MonthCalendar): [status: string, closeReason: string] {
  const at = snapshotOf(order, calendar);
  if (!at.paid) return ["交易关闭", "买家未付款"];
  if (at.cancelled) return ["交易关闭", "退款"];
  if (at.confirmed) return ["交易成功", "订单未关闭"];
  if (at.shipped) return ["卖家已发货，等待买家确认", "订单未关闭"];
  return ["买家已付款，等待卖家发货", "订单未关闭"];
}

export function openTmallOrdersFile(path: string, run: StoreRun, calendar: MonthCalendar): OrdersFileWriter {
  const file = new TextFileWriter(path, "gbk", "\r\n");
  file.line(TMALL_ORDERS_HEADER);
  const { ids, profile, simulation } = run;
  return {
    write(order) {
      const at = snapshotOf(order, calendar);
      const [status, closeReason] = statusAndCloseReason(order, calendar);
      const buyer = buyerOf(simulation.streamSeed, order.index);
      const orderNo = ids.tmallOrderNo(order.index);
      const titles = order.items.map((item) => productAt(item.productIndex).title).join("；");
      const quantity = order.items.reduce((sum, item) => sum + item.quantity, 0);
      const total = order.goodsMinor + order.shippingMinor;
      // The seller is paid at 确认收货 (T+0): what settled, i.e. paid minus refunds made before it.
      const merchantPaid = at.confirmed ? order.saleMinor : 0;
      const cells = [
        `="${orderNo}"`,
        buyer.nickname,
        "",
        "",
        "",
        minorText(order.goodsMinor),
        minorText(order.shippingMinor),
        "0",
        minorText(total),
        "0",
        minorText(at.paid ? order.paidMinor : 0),
        "0",
        status,
        "",
        buyer.maskedName,
        buyer.address,
        "快递",
        "",
        `'${buyer.mobile}`,
        calendar.dateTimeOf(order.createdSec),
        at.paid ? calendar.dateTimeOf(order.paidSec) : "",
        titles,
        String(order.items.length),
        at.shipped ? `No:YT${ids.trackingNo(order.index)}` : "",
        at.shipped ? "圆通速递" : "",
        "",
        String(quantity),
        "0",
        profile.shopName,
        closeReason,
        "0",
        "0元",
        "",
        "手机订单",
        "", "", "", "",
        "否",
        "", "", "", "", "", "",
        "否",
        "", "", "", "", "",
        minorText(at.refundedMinor),
        "",
        at.confirmed ? calendar.dateTimeOf(order.confirmedSec) : "",
        `${minorText(merchantPaid)}元`,
        "",
        "否",
        "", "", "",
        `="${orderNo}"`,
      ];
      return file.line(cells.join(","));
    },
    async close() {
      file.close();
      return file.lineCount - 1;
    },
  };
}
