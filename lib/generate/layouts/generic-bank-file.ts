// A corporate online-banking (企业网银) statement in the common column names the generic-bank adapter
// reads: GBK, CRLF, a short preamble (账号, 户名, 币种, 查询区间), then 交易日期,交易时间,交易流水号,摘要,
// 收入金额,支出金额,余额,币种,对方户名,对方账号. Unlike the CMB card layout it has the bank's own serial
// number (交易流水号 → reference) and the counterparty's account in its own column. The adapter reads one
// memo column (摘要), so 摘要 holds the bank word and the payer's text, withdrawal id included.
import type { MonthCalendar } from "../calendar/month-calendar";
import type { BankLine } from "../bank/bank-line";
import { minorText } from "../money/format-minor-text";
import { addMinor } from "../money/percent-of-minor";
import { csvRow } from "../output/csv";
import { TextFileWriter } from "../output/text-file-writer";
import type { FundAccountProfile } from "../stores/store-profiles";

export const GENERIC_BANK_HEADER = "交易日期,交易时间,交易流水号,摘要,收入金额,支出金额,余额,币种,对方户名,对方账号";

export function genericBankMemo(line: BankLine): string {
  return [line.summary, line.note].filter(Boolean).join(" ");
}

export function writeGenericBankStatement(
  path: string,
  lines: readonly BankLine[],
  openingBalanceMinor: number,
  calendar: MonthCalendar,
  account: FundAccountProfile,
  companyName: string,
): number {
  const file = new TextFileWriter(path, "gbk", "\r\n");
  file.line(`账号：${account.accountNumber}`);
  file.line(`户名：${companyName}`);
  file.line("币种：人民币");
  file.line(`查询区间：${calendar.dateOf(0)} 至 ${calendar.dateOf(calendar.endSec - 1)}`);
  file.line("");
  file.line(GENERIC_BANK_HEADER);
  let balance = openingBalanceMinor;
  for (const line of lines) {
    balance = addMinor(balance, line.amountMinor);
    line.balanceMinor = balance;
    const time = calendar.dateTimeOf(line.timeSec).slice(11);
    line.row = file.line(
      csvRow([
        calendar.dateOf(line.timeSec),
        time,
        line.reference,
        genericBankMemo(line),
        line.amountMinor > 0 ? minorText(line.amountMinor) : "",
        line.amountMinor < 0 ? minorText(-line.amountMinor) : "",
        minorText(balance),
        "人民币",
        line.counterpartyName,
        line.counterpartyAccount,
      ]),
    );
  }
  file.close();
  return lines.length;
}
