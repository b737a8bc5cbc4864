// The stores and accounts a list may be filtered by. Archived ones are not offered (nobody starts
// new work on them), except the one a filter already names, so a saved link still shows what it
// filters on; their rows still show when no filter is set.
import type { Tx } from "@/lib/db/client";

export type FilterOwner = { id: string; name: string; archived: boolean };
export type FilterAccount = FilterOwner & { type: string };

export async function loadFilterOwners(tx: Tx, orgId: string): Promise<{ stores: FilterOwner[]; accounts: FilterAccount[] }> {
  const [stores, accounts] = await Promise.all([
    tx.store.findMany({ where: { orgId }, select: { id: true, name: true, archivedAt: true }, orderBy: { name: "asc" } }),
    tx.fundAccount.findMany({ where: { orgId }, select: { id: true, name: true, type: true, archivedAt: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    stores: stores.map(({ id, name, archivedAt }) => ({ id, name, archived: archivedAt !== null })),
    accounts: accounts.map(({ id, name, type, archivedAt }) => ({ id, name, type, archived: archivedAt !== null })),
  };
}

/** What the filter's choices list: the active ones, and an archived one only while it is chosen. */
export function offeredOwners<T extends FilterOwner>(owners: readonly T[], selected: string | undefined): T[] {
  return owners.filter((owner) => !owner.archived || owner.id === selected);
}

/** The stores and accounts whose rows a 未匹配 list holds: stores for orders, bank accounts for bank rows, both (wallets) for lines. */
export function unmatchedListOwners(owners: { stores: FilterOwner[]; accounts: FilterAccount[] }, list: "orders" | "lines" | "bank"): FilterOwner[] {
  if (list === "orders") return owners.stores;
  if (list === "bank") return owners.accounts.filter((account) => account.type === "BANK");
  return [...owners.stores, ...owners.accounts.filter((account) => account.type !== "BANK")];
}
