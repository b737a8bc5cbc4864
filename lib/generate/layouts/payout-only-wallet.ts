// JD and Douyin: there is no wallet export to write (no adapter reads their settlement bills yet), so
// their settlement lines are only counted; each payout reaches the bank with its settlement id.
import type { WalletSink } from "../settle/run-wallet";

export function payoutOnlyWallet(): WalletSink & { close(): number } {
  return {
    begin() {},
    writeEvent: () => 0,
    writeWithdrawal: () => 0,
    close: () => 0,
  };
}
