// Pinduoduo 店铺账务明细 as tests/samples/import/pdd-account-ledger.csv: GB18030, CRLF, a title line,
// a blank line, 起始时间/终止时间, a dashed line, the header, then one line per movement with 收入 as
// "61.80"/"0" and 支出 as "-27.50"/"0", and "#" total lines at the end. There is no line id: the
// 商户订单号 is the order number, or the withdrawal number on 提现 lines (what the bank memo quotes).
import type { MonthCalendar } from "../calendar/month-calendar";
import { minorText } from "../money/format-minor-text";
import { addMinor } from "../money/percent-of-minor";
import { TextFileWriter } from "../output/text-file-writer";
import { EventType } from "../settle/event-log";
import type { Withdrawal } from "../settle/run-wallet";
import type { StoreRun } from "../store-run";
import type { LedgerFile } from "./alipay-ledger-file";

export const PDD_LEDGER_HEADER = "商户订单号,发生时间,收入金额（+元）,支出金额（-元）,账务类型,备注,业务描述";

const LINE_WORDS: Record<number, [type: string, remark: string, description: string]> = {
  [EventType.SALE]: ["交易收入", "-", "0010002|交易收入-订单收入"],
  [EventType.REFUND]: ["交易退款", "-", "0020002|交易退款-订单退款"],
  [EventType.COMMISSION]: ["技术服务费", "-", "0030001|技术服务费-技术服务费"],
  [EventType.PROMOTION]: ["多多进宝", "多多进宝佣金扣除", "0060001|营销费用-多多进宝"],
};

export function openPddLedgerFile(path: string, run: StoreRun, calendar: MonthCalendar, exportSec: number): LedgerFile {
  const file = new TextFileWriter(path, "gb18030", "\r\n");
  file.line("拼多多店铺账务明细查询");
  file.line("");
  file.line(`起始时间：${calendar.dateTimeOf(0)}  终止时间：${calendar.dateTimeOf(calendar.endSec - 1)}`);
  file.line("----------交易记录明细列表---------");
  file.line(PDD_LEDGER_HEADER);

  const { ids, digests, log } = run;
  let lines = 0;
  const totals = { inCount: 0, inMinor: 0, outCount: 0, outMinor: 0 };
  const writeLine = (merchantOrderNo: string, timeSec: number, amount: number, words: readonly [string, string, string]) => {
    lines++;
    if (amount >= 0) {
      totals.inCount++;
      totals.inMinor = addMinor(totals.inMinor, amount);
    } else {
      totals.outCount++;
      totals.outMinor = addMinor(totals.outMinor, -amount);
    }
    const income = amount >= 0 ? minorText(amount) : "0";
    const expense = amount < 0 ? minorText(amount) : "0";
    return file.line(`${merchantOrderNo},${calendar.dateTimeOf(timeSec)},${income},${expense},${words[0]},${words[1]},${words[2]}`);
  };

  return {
    begin() {
      // No balance column: nothing to open with.
    },
    writeEvent(event) {
      const index = log.order[event]!;
      const words = LINE_WORDS[log.type[event]!];
      if (!words) throw new Error(`PDD ledger: unexpected event type ${log.type[event]}`);
      const orderNo = ids.pddOrderNo(index, calendar.shortDateOf(digests.createdSec[index]!));
      return writeLine(orderNo, log.time[event]!, log.amount[event]!, words);
    },
    writeWithdrawal(withdrawal: Withdrawal) {
      return writeLine(withdrawal.id, withdrawal.timeSec, -withdrawal.amountMinor, ["提现", "提现至银行卡", "0080001|提现-余额提现"]);
    },
    close() {
      const net = totals.inMinor - totals.outMinor;
      file.line(`#支出合计：${totals.outCount}笔，共${minorText(-totals.outMinor)}元`);
      file.line(`#收入合计：${totals.inCount}笔，共${minorText(totals.inMinor)}元`);
      file.line(`#总计：${lines}笔，共${minorText(net)}元`);
      file.line(`#导出时间：${calendar.dateTimeOf(exportSec)}`);
      file.close();
      return lines;
    },
  };
}
