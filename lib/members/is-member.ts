// Whether a person belongs to a company: what decides if that company may become their active one.
import type { Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/shared/uuid";

export async function isMemberOf(db: Tx, userId: string, orgId: string): Promise<boolean> {
  if (!isUuid(orgId)) return false;
  return (await db.membership.count({ where: { userId, orgId } })) > 0;
}
