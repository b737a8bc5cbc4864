// Who pays whom: the platforms' and wallets' paying entities by name, so a bank receipt's
// counterparty tells which stores or wallets its money can come from.
import type { ReconcileRules } from "../rules";
import type { StorePlatform } from "../types";
import { normalizeName } from "./keys";
import type { RowTable } from "./row-table";

/** Knows the paying entities: which ledgers a bank receipt's counterparty can be paying for. */
export class PayerDirectory {
  private readonly platformsByName = new Map<string, StorePlatform[]>();
  /** Per ledger: the normalised payer names that may send its money to the bank. */
  private readonly ledgerPayers: Set<string>[];

  constructor(table: RowTable, rules: ReconcileRules, walletStores: ReadonlyMap<number, ReadonlySet<number>>) {
    for (const [platform, names] of Object.entries(rules.platformPayers) as [StorePlatform, string[]][]) {
      for (const name of names) {
        const key = normalizeName(name);
        const list = this.platformsByName.get(key) ?? [];
        if (!list.includes(platform)) list.push(platform);
        this.platformsByName.set(key, list);
      }
    }
    this.ledgerPayers = table.ledgers.map((ledger) => {
      const names = new Set<string>();
      if (ledger.kind === "store" && ledger.platform) for (const name of rules.platformPayers[ledger.platform] ?? []) names.add(normalizeName(name));
      if (ledger.kind === "account" && ledger.accountType && ledger.accountType !== "BANK") {
        for (const name of rules.walletPayers[ledger.accountType] ?? []) names.add(normalizeName(name));
      }
      return names;
    });
    // A wallet tied to stores is also paid out by those stores' platforms.
    for (const [account, stores] of walletStores) {
      for (const store of stores) {
        const platform = table.ledgers[store]?.platform;
        if (platform) for (const name of rules.platformPayers[platform] ?? []) this.ledgerPayers[account]!.add(normalizeName(name));
      }
    }
  }

  /** Counterparty texts repeat (a few payers, suppliers): fold each distinct text once. */
  private readonly folded = new Map<string, string>();

  private fold(counterparty: string | undefined): string {
    if (!counterparty) return "";
    let name = this.folded.get(counterparty);
    if (name === undefined) {
      name = normalizeName(counterparty);
      if (this.folded.size < 100_000) this.folded.set(counterparty, name);
    }
    return name;
  }

  /** The platforms whose paying entity this counterparty is (empty: not a known payer). */
  platformsOf(counterparty: string | undefined): readonly StorePlatform[] {
    return this.platformsByName.get(this.fold(counterparty)) ?? [];
  }

  isKnownPayer(counterparty: string | undefined): boolean {
    const name = this.fold(counterparty);
    return name !== "" && (this.platformsByName.has(name) || this.ledgerPayers.some((names) => names.has(name)));
  }

  /** Does this counterparty pay out money of that ledger? */
  paysFor(counterparty: string | undefined, ledger: number): boolean {
    const name = this.fold(counterparty);
    return name !== "" && (this.ledgerPayers[ledger]?.has(name) ?? false);
  }
}
