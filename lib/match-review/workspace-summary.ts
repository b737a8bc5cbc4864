// The counts the workspace tabs show: open proposals and matches waiting for approval.
import type { Tx } from "@/lib/db/client";

export async function workspaceCounts(tx: Tx, orgId: string): Promise<{ proposals: number; pending: number }> {
  const rows = await tx.matchGroup.groupBy({ by: ["status"], where: { orgId, status: { in: ["PROPOSED", "PENDING_APPROVAL"] } }, _count: { _all: true } });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { proposals: count("PROPOSED"), pending: count("PENDING_APPROVAL") };
}

/** Names of the people behind makers and deciders, for display. */
export async function peopleNames(tx: Tx, userIds: readonly (string | null)[]): Promise<Record<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return {};
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  return Object.fromEntries(users.map((user) => [user.id, user.name || user.email]));
}
