// Plays one wallet's month in time order: every event is written (or, for platforms that pay the bank
// directly, only counted) and each scheduled withdrawal sweeps what arrived since the previous one.
// A withdrawal therefore groups a contiguous run of wallet lines, and equals their sum exactly.
// When nothing (or less than nothing) arrived since the last one, the withdrawal is skipped. Money
// that arrived after the last withdrawal before the month (carriedInMinor) is swept by the first one.
import { addMinor } from "../money/percent-of-minor";
import type { EventLog } from "./event-log";

export interface Withdrawal {
  /** 0-based among the withdrawals of this wallet that happened. */
  sequence: number;
  id: string;
  timeSec: number;
  /** Positive: what left the wallet for the bank. */
  amountMinor: number;
  /** Line of the 提现 row in the wallet file; 0 when the wallet has no file. */
  row: number;
  /** Wallet file lines swept by this withdrawal (0 and 0 when the wallet has no file). */
  firstRow: number;
  lastRow: number;
  lineCount: number;
  /** What it took beyond its lines: money in the wallet before the month (the first withdrawal only). */
  carriedInMinor: number;
}

export interface WalletSink {
  /**
   * Called once before any row with the lowest running sum the month reaches (to pick an opening
   * balance) and the money carried in from before the month, which the opening balance includes.
   */
  begin(lowestRunningSumMinor: number, carriedInMinor: number): void;
  /** Writes the event's line; returns its line number (0 when nothing is written). */
  writeEvent(event: number): number;
  writeWithdrawal(withdrawal: Withdrawal): number;
}

export interface RunWalletInput {
  log: EventLog;
  /** Scheduled withdrawal times, ascending. */
  schedule: readonly number[];
  sink: WalletSink;
  withdrawalId(sequence: number, timeSec: number): string;
  /** Arrived since the last withdrawal before the month (0: none). */
  carriedInMinor?: number;
}

/** Running sum of wallet lines between sweeps, at its lowest (≤ 0). */
function lowestRunningSum(log: EventLog, order: Float64Array, schedule: readonly number[], carriedIn: number): number {
  let pending = carriedIn;
  let lowest = 0;
  let next = 0;
  for (const event of order) {
    while (next < schedule.length && schedule[next]! <= log.time[event]!) {
      if (pending > 0) pending = 0;
      next++;
    }
    pending = addMinor(pending, log.amount[event]!);
    if (pending < lowest) lowest = pending;
  }
  return lowest;
}

export function runWallet({ log, schedule, sink, withdrawalId, carriedInMinor = 0 }: RunWalletInput): Withdrawal[] {
  const order = log.sortedByTime();
  log.prepareResults();
  const carriedIn = Math.max(0, carriedInMinor);
  sink.begin(lowestRunningSum(log, order, schedule, carriedIn), carriedIn);

  const withdrawals: Withdrawal[] = [];
  let pending = carriedIn;
  let carriedPending = carriedIn;
  let lineCount = 0;
  let firstRow = 0;
  let lastRow = 0;
  let next = 0;
  const sweep = (timeSec: number) => {
    if (pending <= 0) return;
    const withdrawal: Withdrawal = {
      sequence: withdrawals.length,
      id: withdrawalId(withdrawals.length, timeSec),
      timeSec,
      amountMinor: pending,
      row: 0,
      firstRow,
      lastRow,
      lineCount,
      carriedInMinor: carriedPending,
    };
    withdrawal.row = sink.writeWithdrawal(withdrawal);
    withdrawals.push(withdrawal);
    pending = 0;
    carriedPending = 0;
    lineCount = 0;
    firstRow = 0;
    lastRow = 0;
  };

  for (const event of order) {
    const time = log.time[event]!;
    while (next < schedule.length && schedule[next]! <= time) sweep(schedule[next++]!);
    const row = sink.writeEvent(event);
    log.row[event] = row;
    // Provisional: the next withdrawal to happen. Lines no withdrawal reaches are reset below.
    log.withdrawal[event] = withdrawals.length;
    pending = addMinor(pending, log.amount[event]!);
    lineCount++;
    if (firstRow === 0) firstRow = row;
    lastRow = row;
  }
  while (next < schedule.length) sweep(schedule[next++]!);

  for (let event = 0; event < log.count; event++) {
    if (log.withdrawal[event] === withdrawals.length) log.withdrawal[event] = -1;
  }
  return withdrawals;
}
