// Pass 1 — exact keys, the most certain links: order numbers on bill and wallet lines, withdrawal
// numbers in bank references and memos, order numbers in bank memos. Orders take their bill lines
// before any bank memo can claim them, because a bill line is first-hand evidence.
import type { RunContext } from "../engine/run-context";
import { matchOrderNumbersInBank } from "./match-order-numbers-in-bank";
import { matchOrdersToLines } from "./match-orders-to-lines";
import { matchWithdrawalsById } from "./match-withdrawals-by-id";

export function runExactKeys(context: RunContext): void {
  matchOrdersToLines(context);
  matchWithdrawalsById(context);
  matchOrderNumbersInBank(context);
}
