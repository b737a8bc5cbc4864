// China Merchants Bank 交易明细 CSV as /work/shared/fixtures/bank-cmb (the cmb-statement adapter):
// UTF-8, LF, 记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要 with a signed, thousands-grouped
// 交易金额 ("1,234.00" quoted), the running 联机余额, the counterparty's name and account run together
// in 对手信息, and the payer's free text in 客户摘要 — where platform withdrawals carry their id.
// This layout has no bank serial number, so a line is identified by its row (and the id in its memo).
import type { MonthCalendar } from "../calendar/month-calendar";
import type { BankLine } from "../bank/bank-line";
import { groupedMinorText } from "../money/format-minor-text";
import { addMinor } from "../money/percent-of-minor";
import { csvRow } from "../output/csv";
import { TextFileWriter } from "../output/text-file-writer";

export const CMB_STATEMENT_HEADER = "记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要";

export function writeCmbStatement(path: string, lines: readonly BankLine[], openingBalanceMinor: number, calendar: MonthCalendar): number {
  const file = new TextFileWriter(path, "utf-8", "\n");
  file.line(CMB_STATEMENT_HEADER);
  let balance = openingBalanceMinor;
  for (const line of lines) {
    balance = addMinor(balance, line.amountMinor);
    line.balanceMinor = balance;
    const counterparty = line.counterpartyName && line.counterpartyAccount ? `${line.counterpartyName}${line.counterpartyAccount}` : line.counterpartyName;
    line.row = file.line(
      csvRow([
        calendar.dateOf(line.timeSec),
        "CNY",
        groupedMinorText(line.amountMinor),
        groupedMinorText(balance),
        line.summary,
        counterparty,
        line.note,
      ]),
    );
  }
  file.close();
  return lines.length;
}
