// One alert as its detail shows it: the list's row, the rows it names (file and row of each), who
// closed it, and its history — the changes people made (audit rows of this alert) and the
// computations that raised, reopened or cleared it (the `alerts.compute` rows naming its id).
import type { Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/shared/uuid";
import { alertRefSchema, type AlertRef } from "./alert-refs";
import { oneAlertSql, readAlertRow, type AlertRow, type RawAlertRow } from "./list-alerts";

export type AlertHistoryEntry = {
  at: Date;
  /** What a person did (assign, resolve, ignore, reopen) or what a computation did (raised, reopened, cleared). */
  action: AlertHistoryAction;
  actorName: string | null;
  /** The note or reason given, or the assignee's name for an assignment. */
  note: string | null;
  assigneeName: string | null;
};

export const ALERT_HISTORY_ACTIONS = ["assign", "resolve", "ignore", "reopen", "raised", "reopened", "cleared"] as const;
export type AlertHistoryAction = (typeof ALERT_HISTORY_ACTIONS)[number];

export type AlertDetail = {
  alert: AlertRow;
  causeKey: string;
  refs: AlertRef[];
  closedByName: string | null;
  history: AlertHistoryEntry[];
};

/** How many history entries a detail shows (newest first). */
export const ALERT_HISTORY_LIMIT = 100;

type AuditRow = { at: Date; action: string; actorName: string | null; before: unknown; after: unknown };

function field(value: unknown, name: string): string | null {
  const record = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  return typeof record[name] === "string" && record[name] ? (record[name] as string) : null;
}

/** A computation's audit row, as what it did to this alert. */
function computeAction(after: unknown, id: string): AlertHistoryAction {
  const record = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const has = (key: string) => Array.isArray(record[key]) && (record[key] as unknown[]).includes(id);
  return has("raisedIds") ? "raised" : has("reopenedIds") ? "reopened" : "cleared";
}

export async function loadAlertDetail(tx: Tx, orgId: string, id: string): Promise<AlertDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.$queryRawUnsafe<RawAlertRow[]>(oneAlertSql(), orgId, id);
  if (!row) return null;
  const alert = readAlertRow(row);
  const stored = await tx.alert.findUniqueOrThrow({ where: { orgId_id: { orgId, id } }, select: { causeKey: true, refs: true, closedById: true } });
  const refs = Array.isArray(stored.refs) ? stored.refs.flatMap((ref) => (alertRefSchema.safeParse(ref).success ? [alertRefSchema.parse(ref)] : [])) : [];
  const closedBy = stored.closedById ? await tx.user.findUnique({ where: { id: stored.closedById }, select: { name: true, email: true } }) : null;
  const audit = await tx.$queryRawUnsafe<AuditRow[]>(
    `SELECT l."createdAt" AS at, l.action, COALESCE(NULLIF(u.name, ''), u.email, l."actorEmail") AS "actorName", l.before, l.after
       FROM "AuditLog" l LEFT JOIN "User" u ON u.id = l."actorUserId"
      WHERE l."orgId" = $1::uuid AND l."entityType" = 'Alert'
        AND ((l."entityId" = $2 AND l.action IN ('alerts.assign', 'alerts.resolve', 'alerts.ignore', 'alerts.reopen'))
             OR (l.action = 'alerts.compute' AND l."entityId" IS NULL
                 AND (l.after->'raisedIds' ? $2 OR l.after->'reopenedIds' ? $2 OR l.after->'clearedIds' ? $2)))
      ORDER BY l."createdAt" DESC, l.id DESC
      LIMIT ${ALERT_HISTORY_LIMIT}`,
    orgId,
    id,
  );
  const history = audit.map((entry) => ({
    at: entry.at,
    action: entry.action === "alerts.compute" ? computeAction(entry.after, id) : (entry.action.slice("alerts.".length) as AlertHistoryAction),
    actorName: entry.action === "alerts.compute" ? null : entry.actorName,
    note: field(entry.after, "note") ?? field(entry.after, "reason"),
    assigneeName: entry.action === "alerts.assign" ? field(entry.after, "assigneeName") : null,
  }));
  return { alert, causeKey: stored.causeKey, refs, closedByName: closedBy ? closedBy.name || closedBy.email : null, history };
}
