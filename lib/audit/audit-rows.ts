// One page of audit entries as the audit page shows them: who by name (e-mail kept for hover), when
// in the organization's clock, what kind, what in one sentence; the field-by-field before/after and
// the raw record stay for the expandable detail, never as the main text.
import type { MoneyLocale } from "@/lib/money";
import { auditKindLabel, describeAuditEntry, type Translate } from "./audit-sentences";
import { describeChanges } from "./describe-changes";
import type { AuditEntryRow } from "./list-audit-log";
import type { AuditLookups } from "./load-audit-lookups";
import { formatLocalDateTime } from "@/lib/shared/local-time";

/** The audit table's name for its remembered layout (read by the page, written by the table). */
export const AUDIT_TABLE_KEY = "audit.log";

export type AuditRowView = {
  id: string;
  /** "2025-11-03 14:05:09" in the organization's time zone. */
  time: string;
  /** The person's name; "系统" when no person made the change. */
  actorName: string;
  actorEmail: string | null;
  action: string;
  kind: string;
  sentence: string;
  changes: { field: string; label: string; before: string; after: string }[];
  raw: string;
};

/** Matching rules keep their field labels with the rules page (matchingRules.audit.fields). */
function fieldLabel(action: string, field: string, t: Translate): string {
  if (action.startsWith("reconcileRules.") && t.has(`matchingRules.audit.fields.${field}`)) return t(`matchingRules.audit.fields.${field}`);
  return t.has(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
}

export function toAuditRows(entries: readonly AuditEntryRow[], lookups: AuditLookups, t: Translate, locale: MoneyLocale, timeZone: string): AuditRowView[] {
  return entries.map((entry) => {
    const person = entry.actorUserId ? lookups.people.get(entry.actorUserId) : undefined;
    return {
      id: entry.id.toString(),
      time: formatLocalDateTime(entry.createdAt, timeZone),
      actorName: person?.name ?? entry.actorEmail ?? t("audit.system"),
      actorEmail: person?.email ?? entry.actorEmail,
      action: entry.action,
      kind: auditKindLabel(entry.action, t),
      sentence: describeAuditEntry(entry, t, locale, lookups),
      changes: describeChanges(entry.before, entry.after).map((change) => ({ ...change, label: fieldLabel(entry.action, change.field, t) })),
      raw: JSON.stringify({ action: entry.action, entityType: entry.entityType, entityId: entry.entityId, before: entry.before, after: entry.after }, null, 2),
    };
  });
}
