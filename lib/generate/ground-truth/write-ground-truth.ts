// Streams the ground truth as JSON Lines (one record per line, UTF-8): orders are re-created one at a
// time from their seed, so even a million orders never sit in memory together.
import type { BankLine } from "../bank/bank-line";
import type { MonthCalendar } from "../calendar/month-calendar";
import { TextFileWriter } from "../output/text-file-writer";
import { Mulberry32 } from "../random/mulberry32";
import { EventType } from "../settle/event-log";
import { simulateOrder, totalOrders } from "../simulate/simulate-order";
import type { StoreRun } from "../store-run";
import type { OrdersOutput, WalletOutput } from "../store-outputs";
import type { BankLineRecord, MetaRecord, SummaryRecord, WalletLineRecord, WithdrawalRecord } from "./ground-truth-types";
import { orderRecord } from "./order-record";

export interface StoreTruthInput {
  run: StoreRun;
  orders: OrdersOutput;
  wallet?: WalletOutput;
}

export interface GroundTruthInput {
  path: string;
  calendar: MonthCalendar;
  meta: MetaRecord;
  stores: readonly StoreTruthInput[];
  bankFile: string;
  bankLines: readonly BankLine[];
  /** The bank's memo as the adapter will read it. */
  bankMemo(line: BankLine): string;
  bankHasReference: boolean;
  fileRows: Array<{ name: string; rows: number }>;
}

export function writeGroundTruth(input: GroundTruthInput): SummaryRecord {
  const { calendar } = input;
  const out = new TextFileWriter(input.path, "utf-8", "\n");
  const write = (record: object) => out.line(JSON.stringify(record));
  write(input.meta);

  const bankLineOf = new Map<string, BankLine>();
  for (const line of input.bankLines) if (line.source) bankLineOf.set(`${line.source.store}:${line.source.sequence}`, line);
  const bankRef = (line: BankLine | undefined) =>
    line && {
      file: input.bankFile,
      row: line.row,
      on: calendar.dateOf(line.timeSec),
      amount: line.amountMinor,
      reference: input.bankHasReference ? line.reference : undefined,
    };

  const summary: SummaryRecord = {
    type: "summary",
    files: input.fileRows,
    orders: { exported: 0, carriedIn: 0, settledThisMonth: 0, unsettled: 0, refunded: 0 },
    withdrawals: 0,
    withdrawalsOnBankStatement: 0,
    bankLines: input.bankLines.length,
    unrelatedBankLines: input.bankLines.filter((line) => !line.source).length,
  };

  const rng = new Mulberry32(0);
  for (const { run, orders, wallet } of input.stores) {
    const key = run.profile.key;
    const bankLineBySequence = run.withdrawals.map((withdrawal) => bankLineOf.get(`${key}:${withdrawal.sequence}`));
    const context = {
      calendar,
      ordersFile: orders.file.name,
      walletFile: wallet?.file.name,
      lineId: wallet?.lineId,
      bankLineOf: bankLineBySequence,
      orderNo: orders.orderNo,
      subOrderNos: orders.subOrderNos,
      exportRowsOf: orders.exportRowsOf,
    };
    const total = totalOrders(run.simulation);
    for (let index = 0; index < total; index++) {
      const record = orderRecord(simulateOrder(run.simulation, index, rng), run, context);
      if (!record) continue;
      write(record);
      if (record.inExport) summary.orders.exported++;
      else summary.orders.carriedIn++;
      if (record.amounts.sale > 0) summary.orders.settledThisMonth++;
      else if (record.inExport && record.amounts.paid > 0 && record.amounts.refunded < record.amounts.paid) summary.orders.unsettled++;
      if (record.amounts.refunded > 0) summary.orders.refunded++;
    }

    for (const withdrawal of run.withdrawals) {
      const bank = bankRef(bankLineBySequence[withdrawal.sequence]);
      const record: WithdrawalRecord = {
        type: "withdrawal",
        store: key,
        wallet: run.profile.wallet.kind,
        kind: wallet ? "WITHDRAWAL" : "PAYOUT",
        id: withdrawal.id,
        amount: withdrawal.amountMinor,
        at: calendar.dateTimeOf(withdrawal.timeSec).replace(" ", "T"),
        walletRow: wallet ? { file: wallet.file.name, row: withdrawal.row, id: wallet.withdrawalLineId(withdrawal.row, withdrawal.timeSec, withdrawal.id) } : null,
        grouped: wallet
          ? { lines: withdrawal.lineCount, file: wallet.file.name, fromRow: withdrawal.firstRow, toRow: withdrawal.lastRow }
          : { lines: withdrawal.lineCount },
        ...(withdrawal.carriedInMinor > 0 ? { carriedIn: withdrawal.carriedInMinor } : {}),
        bank: bank ?? null,
      };
      write(record);
      summary.withdrawals++;
      if (bank) summary.withdrawalsOnBankStatement++;
    }

    if (wallet) {
      const { log } = run;
      for (let event = run.digests.firstEvent[total]!; event < log.count; event++) {
        if (log.type[event] !== EventType.OTHER) continue;
        const extra = run.walletExtras[log.order[event]!]!;
        const sweptBy = log.withdrawal[event]!;
        const record: WalletLineRecord = {
          type: "walletLine",
          store: key,
          file: wallet.file.name,
          row: log.row[event]!,
          id: wallet.lineId(event),
          amount: log.amount[event]!,
          on: calendar.dateOf(log.time[event]!),
          description: extra.description,
          withdrawal: sweptBy >= 0 ? run.withdrawals[sweptBy]!.id : null,
        };
        write(record);
      }
    }
  }

  for (const line of input.bankLines) {
    const record: BankLineRecord = {
      type: "bankLine",
      file: input.bankFile,
      row: line.row,
      on: calendar.dateOf(line.timeSec),
      amount: line.amountMinor,
      reference: input.bankHasReference ? line.reference : undefined,
      counterparty: line.counterpartyName,
      memo: input.bankMemo(line),
      category: line.category,
      withdrawal: line.source ? { store: line.source.store, id: line.source.id } : null,
    };
    write(record);
  }
  write(summary);
  out.close();
  return summary;
}
