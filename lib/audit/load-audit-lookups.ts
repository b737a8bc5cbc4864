// What the sentences of one page of audit entries need beyond the entries themselves, fetched in
// one query per kind for the whole page: people's names (an entry keeps the id and the e-mail of
// the time), the money of the match groups an entry names (match entries record group ids, the
// amounts live on the groups' items), and the file names of the import batches a cancelled job
// worked on. All scoped to the organization.
import type { Tx } from "@/lib/db/client";
import type { AuditEntryRow } from "./list-audit-log";

export type GroupMoney = { amountMinor: bigint; currency: string };
export type AuditLookups = {
  people: Map<string, { name: string; email: string }>;
  groups: Map<string, GroupMoney>;
  batches: Map<string, string>;
};

export const NO_LOOKUPS: AuditLookups = { people: new Map(), groups: new Map(), batches: new Map() };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The match groups an entry is about: its `groups` list, or the one group it names. */
export function groupIdsOf(entry: { entityType: string; entityId: string | null; after: unknown }): string[] {
  if (entry.entityType !== "MatchGroup") return [];
  const listed = record(entry.after).groups;
  const ids = Array.isArray(listed) ? listed.filter((id): id is string => typeof id === "string") : entry.entityId ? [entry.entityId] : [];
  return ids.filter((id) => UUID.test(id));
}

export async function loadAuditLookups(db: Tx, orgId: string, entries: readonly AuditEntryRow[]): Promise<AuditLookups> {
  const userIds = [...new Set(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const groupIds = [...new Set(entries.flatMap(groupIdsOf))];
  const batchIds = [...new Set(entries.flatMap((entry) => (entry.entityType === "ImportBatch" && entry.entityId && UUID.test(entry.entityId) ? [entry.entityId] : [])))];

  const [users, groups, batches] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    groupIds.length
      ? // A group's amount is what its "up" side moves (as the workspace lists show it); its
        // currency is its rows' (a group never mixes currencies).
        db.$queryRaw<{ id: string; amount: bigint; currency: string | null }[]>`
          SELECT i."groupId"::text AS id,
                 ABS(COALESCE(SUM(i."amountMinor") FILTER (WHERE i.slot = 'UP'), 0))::bigint AS amount,
                 MIN(btrim(COALESCE(o.currency, s.currency, b.currency))) AS currency
          FROM "MatchItem" i
          LEFT JOIN "Order" o ON i.side = 'ORDER' AND o."orgId" = i."orgId" AND o.id = i."rowId"
          LEFT JOIN "SettlementLine" s ON i.side = 'SETTLEMENT' AND s."orgId" = i."orgId" AND s.id = i."rowId"
          LEFT JOIN "BankTransaction" b ON i.side = 'BANK' AND b."orgId" = i."orgId" AND b.id = i."rowId"
          WHERE i."orgId" = ${orgId}::uuid AND i."groupId" = ANY(${groupIds}::uuid[])
          GROUP BY i."groupId"`
      : [],
    batchIds.length ? db.importBatch.findMany({ where: { orgId, id: { in: batchIds } }, select: { id: true, fileName: true } }) : [],
  ]);
  return {
    people: new Map(users.map((user) => [user.id, { name: user.name, email: user.email }])),
    groups: new Map(groups.map((group) => [group.id, { amountMinor: BigInt(group.amount), currency: group.currency ?? "CNY" }])),
    batches: new Map(batches.map((batch) => [batch.id, batch.fileName])),
  };
}
