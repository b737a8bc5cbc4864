// Pinduoduo 订单明细 (商家后台 → 订单查询 → 导出): the 23-column layout of tests/samples/import/
// pdd-orders.xlsx, one row per order (a PDD order is one product). Written as XLSX (sheet 订单明细,
// amounts as number cells, times as text) through exceljs' streaming writer; above a row limit the
// same columns go to a GB18030 CSV instead, because the importer reads spreadsheets whole.
// 商家实收金额 = 用户实付 + the platform-funded discounts (平台优惠, 多多支付立减), 0 when cancelled.
import ExcelJS from "exceljs";
import { productAt } from "../catalog/products";
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { csvRow } from "../output/csv";
import { dosDateTime, fixZipTimestamps } from "../output/fix-zip-timestamps";
import { TextFileWriter } from "../output/text-file-writer";
import { snapshotOf } from "../simulate/order-snapshot";
import type { SimulatedOrder } from "../simulate/simulated-order";
import type { StoreRun } from "../store-run";
import type { OrdersFileWriter } from "./orders-file-writer";

export const PDD_ORDERS_HEADER = [
  "商品", "订单号", "订单状态", "商品总价(元)", "邮费(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)",
  "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "发货时间", "确认收货时间", "商品id", "商品规格", "样式ID",
  "商家编码-规格维度", "商家编码-商品维度", "商家备注", "售后状态", "快递单号", "快递公司", "订单成交时间",
];
export const PDD_ORDERS_SHEET = "订单明细";

type Cell = string | number;

function rowCells(order: SimulatedOrder, run: StoreRun, calendar: MonthCalendar, money: (minor: number) => Cell): Cell[] {
  const at = snapshotOf(order, calendar);
  const item = order.items[0]!;
  const product = productAt(item.productIndex);
  const status = at.cancelled ? "已取消" : at.confirmed ? "已收货" : at.shipped ? "已发货，待收货" : "待发货";
  return [
    product.title,
    run.ids.pddOrderNo(order.index, calendar.shortDateOf(order.createdSec)),
    status,
    money(order.goodsMinor),
    money(order.shippingMinor),
    money(order.shopDiscountMinor),
    money(order.platformDiscountMinor),
    money(order.payDiscountMinor),
    money(order.paidMinor),
    money(at.cancelled ? 0 : order.receivableMinor),
    item.quantity,
    at.shipped ? calendar.dateTimeOf(order.shippedSec) : "",
    at.confirmed ? calendar.dateTimeOf(order.confirmedSec) : "",
    product.listingId,
    "标准款",
    "",
    product.skuCode,
    product.skuCode,
    "",
    at.refundedMinor > 0 ? "退款成功" : "无售后或售后取消",
    at.shipped ? `YT${run.ids.trackingNo(order.index)}` : "",
    at.shipped ? "圆通快递" : "",
    calendar.dateTimeOf(order.paidSec),
  ];
}

/** The file's moment for the zip entries: the export time, at the month end. */
function exportStamp(calendar: MonthCalendar) {
  const next = calendar.monthNumber === 12 ? { year: calendar.year + 1, month: 1 } : { year: calendar.year, month: calendar.monthNumber + 1 };
  return dosDateTime(next.year, next.month, 1, 9, 0, 0);
}

function openXlsx(path: string, run: StoreRun, calendar: MonthCalendar): OrdersFileWriter {
  const fixed = new Date(Date.UTC(calendar.year, calendar.monthNumber, 1, 1, 0, 0));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  workbook.creator = "pinduoduo";
  workbook.lastModifiedBy = "pinduoduo";
  workbook.created = fixed;
  workbook.modified = fixed;
  const sheet = workbook.addWorksheet(PDD_ORDERS_SHEET);
  sheet.addRow(PDD_ORDERS_HEADER).commit();
  let rows = 1;
  // A number cell from the decimal text: the exact value a person typed, never computed in floats.
  const money = (minor: number) => Number(minorText(minor));
  return {
    write(order) {
      sheet.addRow(rowCells(order, run, calendar, money)).commit();
      return ++rows;
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      fixZipTimestamps(path, exportStamp(calendar));
      return rows - 1;
    },
  };
}

function openCsv(path: string, run: StoreRun, calendar: MonthCalendar): OrdersFileWriter {
  const file = new TextFileWriter(path, "gb18030", "\r\n");
  file.line(PDD_ORDERS_HEADER.join(","));
  return {
    write(order) {
      return file.line(csvRow(rowCells(order, run, calendar, minorText).map(String)));
    },
    async close() {
      file.close();
      return file.lineCount - 1;
    },
  };
}

export function openPddOrdersFile(path: string, run: StoreRun, calendar: MonthCalendar, asXlsx: boolean): OrdersFileWriter {
  return asXlsx ? openXlsx(path, run, calendar) : openCsv(path, run, calendar);
}
