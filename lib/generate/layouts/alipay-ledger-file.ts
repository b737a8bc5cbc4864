// Alipay merchant 账务明细 of the Tmall shop's Alipay account, as tests/samples/import/
// alipay-account-ledger.csv: GBK, CRLF, four "#" lines above the header and four below, every id and
// text followed by a TAB, split 收入/支出 columns and the running 账户余额. Each entry has its own
// 账务流水号; 业务流水号 is the trade (支付宝交易号) for order lines and the withdrawal number for 提现.
// 商户订单号 of a Tmall trade is "T200P" + 订单编号, which is how Alipay shows Taobao/Tmall trades.
import { buyerOf } from "../catalog/people";
import { productAt } from "../catalog/products";
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { addMinor } from "../money/percent-of-minor";
import { TextFileWriter } from "../output/text-file-writer";
import { EventType, type EventLog } from "../settle/event-log";
import type { WalletSink, Withdrawal } from "../settle/run-wallet";
import type { StoreRun } from "../store-run";

export const ALIPAY_LEDGER_HEADER =
  "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注";
export const TMALL_MERCHANT_ORDER_PREFIX = "T200P";
const ALIPAY_COMPANY = "支付宝（中国）网络技术有限公司";
const TMALL_COMPANY = "浙江天猫技术有限公司";

export interface AlipayLedgerOptions {
  accountNumber: string;
  /** Shown as the counterparty of 提现 lines, e.g. "招商银行(5678)". */
  bankLabel: string;
  /** The balance the account keeps beyond what the month needs (fen). */
  baseOpeningBalanceMinor: number;
  exportSec: number;
}

export interface LedgerFile extends WalletSink {
  close(): number;
}

export function openAlipayLedgerFile(path: string, run: StoreRun, calendar: MonthCalendar, options: AlipayLedgerOptions): LedgerFile {
  const file = new TextFileWriter(path, "gbk", "\r\n");
  file.line("#支付宝账务明细查询");
  file.line(`#账号：[${options.accountNumber}]`);
  file.line(`#起始日期：[${calendar.chineseDateTimeOf(0)}]   终止日期：[${calendar.chineseDateTimeOf(calendar.endSec)}]`);
  file.line("#-----------------------------------------账务明细列表----------------------------------------");
  file.line(ALIPAY_LEDGER_HEADER);

  const { ids, digests, simulation } = run;
  const log: EventLog = run.log;
  let balance = 0;
  let entries = 0;
  const totals = { inCount: 0, inMinor: 0, outCount: 0, outMinor: 0 };

  const writeEntry = (timeSec: number, tradeNo: string, merchantOrderNo: string, title: string, counterparty: string, amount: number, businessType: string, remark: string) => {
    balance = addMinor(balance, amount);
    if (amount >= 0) {
      totals.inCount++;
      totals.inMinor = addMinor(totals.inMinor, amount);
    } else {
      totals.outCount++;
      totals.outMinor = addMinor(totals.outMinor, -amount);
    }
    const entryNo = ids.alipayEntryNo(entries++, calendar.compactDateOf(timeSec));
    const income = amount >= 0 ? minorText(amount) : "0.00";
    const expense = amount < 0 ? minorText(-amount) : "0.00";
    return file.line(
      `${entryNo}\t,${tradeNo}\t,${merchantOrderNo}\t,${title}\t,${calendar.dateTimeOf(timeSec)},${counterparty}\t,${income},${expense},${minorText(balance)},支付宝,${businessType},${remark}`,
    );
  };

  return {
    begin(lowestRunningSum, carriedIn) {
      // What the wallet keeps after every sweep (never below zero in the month), plus what arrived
      // since the last withdrawal before the month: the first one sweeps that too.
      balance = addMinor(options.baseOpeningBalanceMinor - Math.min(0, lowestRunningSum), carriedIn);
    },
    writeEvent(event) {
      const time = log.time[event]!;
      const type = log.type[event]!;
      const amount = log.amount[event]!;
      const index = log.order[event]!;
      if (type === EventType.OTHER) {
        const extra = run.walletExtras[index]!;
        return writeEntry(time, extra.reference, "", extra.description, extra.counterparty, amount, "转账", "推广充值");
      }
      const orderNo = ids.tmallOrderNo(index);
      const tradeNo = ids.alipayTradeNo(index, calendar.compactDateOf(digests.paidSec[index]!));
      const product = productAt(digests.firstProduct[index]!);
      const merchantOrderNo = `${TMALL_MERCHANT_ORDER_PREFIX}${orderNo}`;
      const buyer = buyerOf(simulation.streamSeed, index);
      const buyerLabel = `${buyer.maskedName} (${buyer.maskedMobile})`;
      switch (type) {
        case EventType.SALE:
          return writeEntry(time, tradeNo, merchantOrderNo, product.title, buyerLabel, amount, "在线支付", "交易收入");
        case EventType.COMMISSION:
          return writeEntry(time, tradeNo, merchantOrderNo, product.title, TMALL_COMPANY, amount, "收费", `天猫佣金（类目：${product.category}）扣款[${orderNo}]`);
        case EventType.SERVICE_FEE_HUABEI:
          return writeEntry(time, tradeNo, merchantOrderNo, product.title, ALIPAY_COMPANY, amount, "收费", `花呗支付服务费[${orderNo}]`);
        case EventType.SERVICE_FEE_CREDIT_CARD:
          return writeEntry(time, tradeNo, merchantOrderNo, product.title, ALIPAY_COMPANY, amount, "收费", `信用卡支付服务费[${orderNo}]`);
        case EventType.REFUND:
          return writeEntry(time, tradeNo, merchantOrderNo, product.title, buyerLabel, amount, "交易退款", `售后退款[${orderNo}]`);
        default:
          throw new Error(`Alipay ledger: unexpected event type ${type}`);
      }
    },
    writeWithdrawal(withdrawal: Withdrawal) {
      return writeEntry(withdrawal.timeSec, withdrawal.id, "", "提现", options.bankLabel, -withdrawal.amountMinor, "提现", "提现到银行卡");
    },
    close() {
      file.line("#----------------------------------------账务明细列表结束-------------------------------------");
      file.line(`#支出合计：${totals.outCount}笔，共${minorText(totals.outMinor)}元`);
      file.line(`#收入合计：${totals.inCount}笔，共${minorText(totals.inMinor)}元`);
      file.line(`#导出时间：[${calendar.chineseDateTimeOf(options.exportSec)}]`);
      file.close();
      return entries;
    },
  };
}

/** Data rows start after four "#" lines and the header. */
export const ALIPAY_FIRST_DATA_ROW = 6;

/** The 账务流水号 printed on a given data row (entries are numbered in file order). */
export function alipayEntryNoAtRow(run: StoreRun, calendar: MonthCalendar, row: number, timeSec: number): string {
  return run.ids.alipayEntryNo(row - ALIPAY_FIRST_DATA_ROW, calendar.compactDateOf(timeSec));
}
