// Pass 2 — many → one: lines sharing a payout id ↔ their withdrawal or receipt; each wallet
// withdrawal ↔ the run of lines it swept; withdrawals no id tied ↔ receipts from the platform's
// paying entity; orders of platforms that pay the bank directly ↔ payouts by settlement date (the
// run that adds up exactly, else the orders certainly due between two payouts).
import type { RunContext } from "../engine/run-context";
import { groupOrdersBetweenPayouts } from "./group-orders-between-payouts";
import { groupOrdersBySettlementDate } from "./group-orders-by-settlement-date";
import { matchPayoutIdGroups } from "./match-payout-id-groups";
import { matchPlatformWithdrawals } from "./match-platform-withdrawals";
import { sweepWalletWithdrawals } from "./sweep-wallet-withdrawals";

export function runManyToOne(context: RunContext): void {
  matchPayoutIdGroups(context);
  sweepWalletWithdrawals(context);
  matchPlatformWithdrawals(context);
  groupOrdersBySettlementDate(context, context.directPayoutStores());
  groupOrdersBetweenPayouts(context, context.directPayoutStores());
}
