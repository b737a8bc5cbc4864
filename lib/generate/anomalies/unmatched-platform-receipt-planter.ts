// UNMATCHED_PLATFORM_RECEIPT: money from Alipay in the bank that no withdrawal explains — a credit
// from Alipay's paying entity quoting a withdrawal number that exists nowhere, dated the 8th of the
// month (over three weeks old at the alerts' as-of day), appended after the last row with the balance
// carrying. Its amount (¥2,718.28) is no withdrawal's and unlikely to be a sum of open rows.
import { dayOf } from "./anomaly-days";
import type { AnomalyPlanter } from "./anomaly-planter";
import { appendRow, plantedSerial, readBankStatement, setRowParty, writeBankStatement } from "./bank-statement-rows";

const AMOUNT_MINOR = 271_828;

export const unmatchedPlatformReceiptPlanter: AnomalyPlanter = {
  type: "UNMATCHED_PLATFORM_RECEIPT",
  async plant(month) {
    const statement = readBankStatement(month);
    const template = statement.rows.find((row) => row.amountMinor > 0 && row.memo.includes("支付宝提现"));
    if (!template) throw new Error("UNMATCHED_PLATFORM_RECEIPT: the statement has no Alipay receipt to take the payer from");
    // The 8th, or the first Alipay receipt's day if later: after the wallet's first withdrawal, where
    // the Alipay ledger the detector measures from has begun.
    const date = [dayOf(month.month, 8), template.date].sort()[1]!;
    const row = appendRow(statement, template, { date, amountMinor: AMOUNT_MINOR, serial: plantedSerial(date, 3) });
    // A number in the shape of Alipay's 业务流水号 that no withdrawal carries.
    const unknownId = `${date.replace(/-/g, "")}9999${String(month.seed % 10_000).padStart(4, "0")}31415926535897`;
    const summary = statement.layout === "cmb-statement" ? row.cells[4]! : "汇入汇款";
    setRowParty(statement, row, { name: template.counterparty, account: template.counterpartyAccount, summary, note: `支付宝提现 ${unknownId}` });
    writeBankStatement(statement);
    return {
      planted: {
        type: "UNMATCHED_PLATFORM_RECEIPT",
        note: `Alipay credit of ${AMOUNT_MINOR} fen on ${date} quoting ${unknownId}, appended as row ${row.sourceRow} of ${statement.file.name}`,
        rows: [{ file: statement.file.name, sourceRow: row.sourceRow }],
        fundAccountName: statement.file.storeOrAccount.name,
      },
    };
  },
};
