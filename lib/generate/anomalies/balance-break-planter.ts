// BALANCE_BREAK: one row's amount edited in place and no balance fixed, so the statement's printed
// balance after that row no longer follows from the one before (as when a row was edited or lost):
// the chain breaks at exactly that row and carries on after it. The row is a payment of the
// company's other business (a supplier, else tax, social insurance, electricity): no platform money
// depends on it, so the matching sees the month as before.
import type { AnomalyPlanter } from "./anomaly-planter";
import { isPlatformRow, readBankStatement, setRowAmount, writeBankStatement } from "./bank-statement-rows";

/** What the edited row pays more than it did: ¥1,234.56, far above any rounding. */
const EDIT_MINOR = 123_456;

export const balanceBreakPlanter: AnomalyPlanter = {
  type: "BALANCE_BREAK",
  async plant(month) {
    const statement = readBankStatement(month);
    const candidates = statement.rows.slice(1).filter((row) => row.amountMinor < 0 && !isPlatformRow(row) && !row.memo.includes("房租"));
    const row = ["货款", "增值税", "社保", "电费"].map((word) => candidates.find((candidate) => candidate.memo.includes(word))).find(Boolean) ?? candidates[0];
    if (!row) throw new Error("BALANCE_BREAK: the statement has no payment of the company's other business to edit");
    const before = statement.rows[statement.rows.indexOf(row) - 1]!;
    const was = row.amountMinor;
    setRowAmount(statement, row, was - EDIT_MINOR);
    writeBankStatement(statement);
    return {
      planted: {
        type: "BALANCE_BREAK",
        note: `bank row ${row.sourceRow} of ${statement.file.name} (${row.memo}) edited from ${was} to ${row.amountMinor} fen, balances left as printed`,
        rows: [
          { file: statement.file.name, sourceRow: before.sourceRow },
          { file: statement.file.name, sourceRow: row.sourceRow },
        ],
        fundAccountName: statement.file.storeOrAccount.name,
      },
    };
  },
};
