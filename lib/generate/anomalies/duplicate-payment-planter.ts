// DUPLICATE_PAYMENT: a payout received twice. The bank receipt of a mid-month Alipay withdrawal
// (memo `支付宝提现 <id>`) is booked a second time on the month's last day, appended after the last
// row with the balance carrying. On the last day it is only a day old at the alerts' as-of day, so
// the second receipt alone is not yet "platform money with nothing to match" (the default 3 days).
import { lastDayOf } from "./anomaly-days";
import type { AnomalyPlanter } from "./anomaly-planter";
import { appendRow, plantedSerial, readBankStatement, writeBankStatement } from "./bank-statement-rows";

export const duplicatePaymentPlanter: AnomalyPlanter = {
  type: "DUPLICATE_PAYMENT",
  async plant(month) {
    const statement = readBankStatement(month);
    const receipts = statement.rows.filter((row) => row.amountMinor > 0 && row.memo.includes("支付宝提现"));
    // The first receipt from the 9th on: mid-month, clear of the month's start and end.
    const original = receipts.find((row) => row.date >= `${month.month}-09`) ?? receipts[0];
    if (!original) throw new Error("DUPLICATE_PAYMENT: the statement has no Alipay withdrawal receipt");
    const copy = appendRow(statement, original, { date: lastDayOf(month.month), amountMinor: original.amountMinor, serial: plantedSerial(lastDayOf(month.month), 2) });
    writeBankStatement(statement);
    return {
      planted: {
        type: "DUPLICATE_PAYMENT",
        note: `receipt of bank row ${original.sourceRow} (${original.memo}) booked again as row ${copy.sourceRow} of ${statement.file.name}`,
        rows: [
          { file: statement.file.name, sourceRow: original.sourceRow },
          { file: statement.file.name, sourceRow: copy.sourceRow },
        ],
        fundAccountName: statement.file.storeOrAccount.name,
      },
    };
  },
};
