// WITHDRAWAL_IN_TRANSIT: a mid-month PDD withdrawal whose money never reaches the bank. Its receipt
// is turned, in place, into an ordinary payment from a customer of another amount (a 货款 transfer;
// the amount differs so that no amount-and-date rule can take it for the withdrawal), and every later
// printed balance is shifted by the difference so the statement keeps chaining. Rows keep their
// numbers. The withdrawal is then two weeks without a receipt at the alerts' as-of day.
import fs from "node:fs";
import iconv from "iconv-lite";
import type { AnomalyPlanter } from "./anomaly-planter";
import { carryBalancesAfter, readBankStatement, setRowAmount, setRowBalance, setRowParty, writeBankStatement } from "./bank-statement-rows";

const CUSTOMER = { name: "杭州禾丰食品贸易有限公司", account: "33050161628700004321", summary: "汇入汇款", note: "货款 合同HF2503" };

export const withdrawalInTransitPlanter: AnomalyPlanter = {
  type: "WITHDRAWAL_IN_TRANSIT",
  async plant(month) {
    const statement = readBankStatement(month);
    const receipts = statement.rows.filter((row) => row.amountMinor > 0 && row.memo.includes("拼多多提现"));
    const receipt = receipts.find((row) => row.date >= `${month.month}-12`) ?? receipts[0];
    if (!receipt) throw new Error("WITHDRAWAL_IN_TRANSIT: the statement has no PDD withdrawal receipt");
    const withdrawalId = /拼多多提现\s*(\S+)/.exec(receipt.memo)?.[1] ?? "";
    // Whole yuan, ¥500 or more away from the withdrawal: no tolerance can see the two as one.
    const amountMinor = Math.floor(receipt.amountMinor / 100) * 100 + 88_800;
    const delta = amountMinor - receipt.amountMinor;
    setRowParty(statement, receipt, CUSTOMER);
    setRowAmount(statement, receipt, amountMinor);
    setRowBalance(statement, receipt, receipt.balanceMinor + delta);
    carryBalancesAfter(statement, receipt, delta);
    writeBankStatement(statement);
    const ledger = month.files.find((file) => file.format === "pdd-account-ledger");
    if (!ledger) throw new Error("WITHDRAWAL_IN_TRANSIT: the month has no PDD ledger");
    const sourceRow = pddWithdrawalRow(ledger.path, withdrawalId);
    return {
      planted: {
        type: "WITHDRAWAL_IN_TRANSIT",
        note: `receipt of PDD withdrawal ${withdrawalId} (bank row ${receipt.sourceRow} of ${statement.file.name}) turned into a customer's payment of ${amountMinor} fen`,
        rows: [{ file: ledger.name, sourceRow }],
        storeName: ledger.storeOrAccount.name,
      },
    };
  },
};

/** The line (1-based, as the importer numbers it) of the PDD ledger whose 商户订单号 is the withdrawal's id. */
function pddWithdrawalRow(ledgerPath: string, withdrawalId: string): number {
  const lines = iconv.decode(fs.readFileSync(ledgerPath), "gb18030").split(/\r?\n/);
  const at = lines.findIndex((line) => withdrawalId !== "" && line.startsWith(`${withdrawalId},`));
  if (at < 0) throw new Error(`WITHDRAWAL_IN_TRANSIT: withdrawal ${withdrawalId} is not in the PDD ledger`);
  return at + 1;
}
