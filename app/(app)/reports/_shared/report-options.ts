// The stores and fund accounts a report's filters offer (archived ones too: old months have them).
import { db } from "@/lib/db/client";

export async function reportFilterOptions(orgId: string) {
  const [stores, accounts] = await Promise.all([
    db.store.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.fundAccount.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { stores, accounts };
}

/** When the period is exactly one calendar month: that month ("YYYY-MM"), else undefined. */
export function singleMonth(from: string | undefined, to: string | undefined): string | undefined {
  if (!from || !to || !from.endsWith("-01") || from.slice(0, 7) !== to.slice(0, 7)) return undefined;
  const [year, month] = from.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) === to ? from.slice(0, 7) : undefined;
}
