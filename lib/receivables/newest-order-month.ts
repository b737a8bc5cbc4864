// The month of a company's newest order (by its business day), so a page with no month chosen
// opens on data rather than on an empty month. Read from the receivables cube (a few thousand rows,
// rebuilt with the receivables), not from a million orders.
import type { Tx } from "@/lib/db/client";

export async function newestOrderMonth(tx: Tx, orgId: string): Promise<string | null> {
  const newest = await tx.receivableCube.aggregate({ where: { orgId }, _max: { day: true } });
  return newest._max.day ? newest._max.day.toISOString().slice(0, 7) : null;
}
