// Everything the generator keeps about one store while it writes the month's files.
import type { PlatformIds } from "./ids/platform-ids";
import type { StoreSimulation } from "./simulate/simulate-order";
import type { OrderDigests } from "./simulate/order-digests";
import type { EventLog } from "./settle/event-log";
import type { CarriedInBalance } from "./settle/order-events";
import type { Withdrawal } from "./settle/run-wallet";
import type { StoreProfile } from "./stores/store-profiles";

export interface StoreRun {
  profile: StoreProfile;
  simulation: StoreSimulation;
  ids: PlatformIds;
  digests: OrderDigests;
  log: EventLog;
  /** When the wallet's withdrawals happen this month (seconds from the month start, ascending). */
  schedule: number[];
  /**
   * Wallets whose statement prints a balance (the Alipay ledger): what arrived since the last
   * withdrawal before the month, which the first withdrawal of the month sweeps with its lines.
   */
  carriedIn?: CarriedInBalance;
  /** Filled in once the wallet has run. */
  withdrawals: Withdrawal[];
  /** Extra wallet movements that belong to no order (EventType.OTHER events point here). */
  walletExtras: WalletExtra[];
}

export interface WalletExtra {
  timeSec: number;
  amountMinor: number;
  description: string;
  counterparty: string;
  reference: string;
}
