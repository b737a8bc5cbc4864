// Each audit entry as one sentence a finance person reads without help: who did what to which
// store, account, file or month, with amounts in yuan and rates in percent ("把店铺「天猫旗舰店」的
// 费率从 0.6% 改为 0.5%", "确认了 3 条匹配建议，合计 ¥1,234.56"). One builder per kind written today
// (grep writeAuditLog); a kind without one, or an old entry missing a field, gets a readable
// generic line, never raw JSON. The words live in messages (audit.sentences.*) with ICU plurals;
// this file only picks the message and formats its values.
import { formatMinor, type MoneyLocale } from "@/lib/money";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { fieldUnit } from "@/lib/shared/field-unit";
import { groupIdsOf, type AuditLookups } from "./load-audit-lookups";

export type AuditSentenceEntry = { action: string; entityType: string; entityId: string | null; before: unknown; after: unknown };

/** next-intl's translator (root namespace), or any function with the same shape (tests). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

type Helpers = {
  t: Translate;
  locale: MoneyLocale;
  lookups: AuditLookups;
  money: (minor: bigint, currency?: string) => string;
  percent: (bps: number) => string;
  quote: (text: string) => string;
};

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}
function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : undefined;
}
function count(value: unknown): number {
  return Array.isArray(value) ? value.length : typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : 0;
}
function minor(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}
function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

// How a changed field's values are written: by what the field holds, not how it is stored.
type FieldKind = "money" | "bps" | "days" | "daysOrDefault" | "dayList" | "platform" | "accountType" | "role" | "name" | "plain" | "flag";
const FIELD_KINDS: Record<string, FieldKind> = {
  name: "name",
  platform: "platform",
  currency: "plain",
  settlementTermsDays: "days",
  autoConfirmDays: "daysOrDefault",
  feeRateBps: "bps",
  type: "accountType",
  institution: "plain",
  accountNumber: "plain",
  role: "role",
  writeOffApprovalMinor: "money",
  writeOffApprovalBps: "bps",
  manualMatchApprovalMinor: "money",
  dateWindowDays: "days",
  bookingLagDays: "days",
  toleranceMinor: "money",
  tolerancePercentBps: "bps",
  notDueBucketDays: "dayList",
  overdueBucketDays: "dayList",
  days: "days",
  action: "plain",
};
/** Not changes a person made (bookkeeping columns), or shown elsewhere in the sentence. */
const SILENT_FIELDS = new Set(["id", "orgId", "createdAt", "updatedAt", "archivedAt", "version"]);

function isDayList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((day) => typeof day === "number");
}

/** "7, 30, 60 天" / "7, 30, 60 days": a list of day bounds (aging buckets), the unit after the last. */
function dayList(value: unknown, h: Helpers): string | undefined {
  if (!isDayList(value) || value.length === 0) return undefined;
  return h.t("audit.sentences.dayList", { list: value.slice(0, -1).map((day) => `${day}, `).join(""), last: value[value.length - 1]! });
}

function showValue(kind: FieldKind | undefined, value: unknown, h: Helpers): string | undefined {
  // A store's automatic-confirmation days: empty is a setting of its own, the platform's default.
  if (kind === "daysOrDefault" && (value === null || value === undefined)) return h.t("audit.sentences.platformDefault");
  if (value === null || value === undefined || value === "") return h.t("audit.sentences.empty");
  switch (kind) {
    case "money": {
      const amount = minor(value);
      return amount === undefined ? undefined : h.money(amount);
    }
    case "bps":
      return typeof value === "number" ? h.percent(value) : undefined;
    case "days":
    case "daysOrDefault":
      return typeof value === "number" ? h.t("audit.sentences.days", { count: value }) : undefined;
    case "dayList":
      return dayList(value, h);
    case "platform":
      return h.t.has(`platforms.${String(value)}`) ? h.t(`platforms.${String(value)}`) : String(value);
    case "accountType":
      return h.t.has(`accountTypes.${String(value)}`) ? h.t(`accountTypes.${String(value)}`) : String(value);
    case "role":
      return h.t.has(`roles.${String(value)}`) ? h.t(`roles.${String(value)}`) : String(value);
    case "name":
      return typeof value === "string" ? h.quote(value) : undefined;
    case "flag":
      return h.t(value ? "audit.sentences.yes" : "audit.sentences.no");
    default:
      if (typeof value === "boolean") return h.t(value ? "audit.sentences.yes" : "audit.sentences.no");
      return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  }
}

/** Fields whose lists are an order (the engine's passes); every other list is a set (auto-confirm types). */
const ORDERED_LISTS = new Set(["passes"]);

/** A value written so that only meaning counts: object keys sorted, and set-like lists too. */
function canonical(value: unknown, ordered: boolean): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, false));
    return `[${(ordered ? items : items.sort()).join(",")}]`;
  }
  if (value && typeof value === "object") {
    return `{${Object.keys(value as Json)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Json)[key], false)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** "费率从 0.6% 改为 0.5%；账期从 0 天改为 7 天" — the fields whose values differ, in words. */
export function describeFieldChanges(before: unknown, after: unknown, h: Helpers): string[] {
  const a = record(before);
  const b = record(after);
  const phrases: string[] = [];
  let others = false;
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (SILENT_FIELDS.has(field) || canonical(a[field], ORDERED_LISTS.has(field)) === canonical(b[field], ORDERED_LISTS.has(field))) continue;
    const name = h.t.has(`audit.fieldNames.${field}`) ? h.t(`audit.fieldNames.${field}`) : undefined;
    if (!name) {
      others = true;
      continue;
    }
    const kind = FIELD_KINDS[field];
    const from = showValue(kind, a[field], h);
    const to = showValue(kind, b[field], h);
    phrases.push(from !== undefined && to !== undefined ? h.t("audit.sentences.change", { field: name, from, to }) : h.t("audit.sentences.changedOnly", { field: name }));
  }
  if (others) phrases.push(h.t("audit.sentences.otherChanges"));
  return phrases;
}

function joinPhrases(phrases: string[], h: Helpers): string {
  return phrases.join(h.t("audit.sentences.separator"));
}

/** The money of the match groups an entry names, per currency ("¥1,234.56", or "¥10.00 + $5.00"). */
function groupsMoney(entry: AuditSentenceEntry, h: Helpers): string | undefined {
  const sums = new Map<string, bigint>();
  for (const id of groupIdsOf(entry)) {
    const group = h.lookups.groups.get(id);
    if (group) sums.set(group.currency, (sums.get(group.currency) ?? 0n) + group.amountMinor);
  }
  if (sums.size === 0) return undefined;
  return [...sums].map(([currency, amount]) => h.money(amount, currency)).join(" + ");
}

/** Values shared by the match sentences: how many groups, and their money when known. */
function groupValues(entry: AuditSentenceEntry, h: Helpers) {
  const after = record(entry.after);
  const groups = Array.isArray(after.groups) ? after.groups.length : entry.entityId ? 1 : 0;
  const amount = groupsMoney(entry, h);
  return { count: groups, amount: amount ?? "", hasAmount: amount ? "yes" : "no" };
}

function nameOf(entry: AuditSentenceEntry): string | undefined {
  return text(record(entry.after).name) ?? text(record(entry.before).name);
}

function accountDetails(snapshot: Json, h: Helpers): string {
  const parts = [
    showValue("accountType", snapshot.type, h),
    text(snapshot.institution),
    text(snapshot.accountNumber) ? h.t("audit.sentences.accountNumber", { number: text(snapshot.accountNumber)! }) : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.join(h.t("audit.sentences.detailSeparator"));
}

/** Rule versions as people count them: "org-v3" → "第 3 版"; the built-in rules → "默认规则". */
function versionText(value: unknown, h: Helpers): string {
  const version = text(value) ?? "";
  const saved = /^org-v(\d+)$/.exec(version);
  if (saved && saved[1] !== "0") return h.t("audit.sentences.version", { n: Number(saved[1]) });
  return h.t("audit.sentences.defaultVersion");
}

type Builder = (entry: AuditSentenceEntry, h: Helpers) => string | undefined;

/** An alert rule's name ("逾期应收"), or its type as written when the messages lack it. */
function alertTypeName(value: unknown, h: Helpers): string | undefined {
  const type = text(value);
  if (!type) return undefined;
  return h.t.has(`alerts.types.${type}`) ? h.t(`alerts.types.${type}`) : type;
}

/** A threshold's value in the unit its name says (lib/shared/field-unit.ts): yuan, percent, days. */
function thresholdValue(field: string, value: unknown, h: Helpers): string | undefined {
  if (typeof value !== "number") return undefined;
  switch (fieldUnit(field)) {
    case "money":
      return h.money(BigInt(value));
    case "percent":
      return h.percent(value);
    case "factor":
      return `${value}%`;
    case "days":
      return h.t("audit.sentences.days", { count: value });
    default:
      return String(value);
  }
}

/** "启用从 是 改为 否；逾期天数从 30 天 改为 45 天": what changed in an alert rule. */
function alertRuleChanges(before: Json, after: Json, type: string, h: Helpers): string[] {
  const phrases: string[] = [];
  if (typeof before.enabled === "boolean" && typeof after.enabled === "boolean" && before.enabled !== after.enabled) {
    phrases.push(h.t("audit.sentences.change", { field: h.t("audit.sentences.alertRuleEnabled"), from: showValue("flag", before.enabled, h)!, to: showValue("flag", after.enabled, h)! }));
  }
  const from = record(before.thresholds);
  const to = record(after.thresholds);
  for (const field of [...new Set([...Object.keys(from), ...Object.keys(to)])]) {
    if (from[field] === to[field]) continue;
    const name = h.t.has(`alerts.thresholds.${type}.${field}`) ? h.t(`alerts.thresholds.${type}.${field}`) : field;
    const a = thresholdValue(field, from[field], h);
    const b = thresholdValue(field, to[field], h);
    phrases.push(a !== undefined && b !== undefined ? h.t("audit.sentences.change", { field: name, from: a, to: b }) : h.t("audit.sentences.changedOnly", { field: name }));
  }
  return phrases;
}

const named =
  (key: string): Builder =>
  (entry, h) => {
    const name = nameOf(entry);
    return name ? h.t(`audit.sentences.${key}`, { name }) : undefined;
  };

const withReason = (entry: AuditSentenceEntry) => {
  const reason = text(record(entry.after).reason);
  return { reason: reason ?? "", hasReason: reason ? "yes" : "no" };
};

/** A month closed with items still open says how many, as the person confirmed them (periods.ts). */
function openItems(entry: AuditSentenceEntry): { open: number } {
  const after = record(entry.after);
  return { open: after.confirmedOpenItems === true ? count(after.openRows) + count(after.openProposals) : 0 };
}

/** The rows of a marking (exclusions.ts): their references, else "#id". */
function markedRows(value: unknown): string[] {
  return Array.isArray(value) ? value.map((row) => text(record(row).ref) ?? `#${text(record(row).id) ?? "?"}`) : [];
}

function withNote(value: unknown): { hasNote: "yes" | "no"; note: string } {
  const note = text(value);
  return { hasNote: note ? "yes" : "no", note: note ?? "" };
}

const BUILDERS: Record<string, Builder> = {
  "org.create": named("orgCreate"),
  "org.approvalThresholds": (entry, h) => {
    const changes = describeFieldChanges(entry.before, entry.after, h);
    return changes.length ? h.t("audit.sentences.approvalThresholds", { changes: joinPhrases(changes, h) }) : h.t("audit.sentences.approvalThresholdsSame");
  },

  "store.create": (entry, h) => {
    const after = record(entry.after);
    const name = text(after.name);
    if (!name) return undefined;
    return h.t("audit.sentences.storeCreate", {
      name,
      platform: showValue("platform", after.platform, h) ?? "",
      rate: typeof after.feeRateBps === "number" ? h.percent(after.feeRateBps) : "—",
      days: typeof after.settlementTermsDays === "number" ? after.settlementTermsDays : 0,
    });
  },
  "store.update": (entry, h) => {
    const name = text(record(entry.before).name) ?? nameOf(entry);
    if (!name) return undefined;
    const changes = describeFieldChanges(entry.before, entry.after, h);
    return changes.length ? h.t("audit.sentences.storeUpdate", { name, changes: joinPhrases(changes, h) }) : h.t("audit.sentences.storeSaved", { name });
  },
  "store.archive": named("storeArchive"),
  "store.restore": named("storeRestore"),

  "account.create": (entry, h) => {
    const after = record(entry.after);
    const name = text(after.name);
    if (!name) return undefined;
    const details = accountDetails(after, h);
    return h.t("audit.sentences.accountCreate", { name, details, hasDetails: details ? "yes" : "no" });
  },
  "account.update": (entry, h) => {
    const name = text(record(entry.before).name) ?? nameOf(entry);
    if (!name) return undefined;
    const changes = describeFieldChanges(entry.before, entry.after, h);
    return changes.length ? h.t("audit.sentences.accountUpdate", { name, changes: joinPhrases(changes, h) }) : h.t("audit.sentences.accountSaved", { name });
  },
  "account.archive": named("accountArchive"),
  "account.restore": named("accountRestore"),

  "member.role": (entry, h) => {
    const before = record(entry.before);
    const after = record(entry.after);
    const email = text(after.email) ?? text(before.email);
    if (!email) return undefined;
    return h.t("audit.sentences.memberRole", { email, from: showValue("role", before.role, h) ?? "", to: showValue("role", after.role, h) ?? "" });
  },
  "member.remove": (entry, h) => {
    const before = record(entry.before);
    const email = text(before.email);
    return email ? h.t("audit.sentences.memberRemove", { email, role: showValue("role", before.role, h) ?? "" }) : undefined;
  },
  "invitation.create": (entry, h) => {
    const after = record(entry.after);
    const email = text(after.email);
    if (!email) return undefined;
    const until = text(after.expiresAt)?.slice(0, 10) ?? "";
    return h.t("audit.sentences.invitationCreate", { email, role: showValue("role", after.role, h) ?? "", until });
  },
  "invitation.revoke": (entry, h) => {
    const email = text(record(entry.before).email);
    return email ? h.t("audit.sentences.invitationRevoke", { email }) : undefined;
  },
  "invitation.accept": (entry, h) => {
    const after = record(entry.after);
    return h.t("audit.sentences.invitationAccept", { role: showValue("role", after.role, h) ?? "", newAccount: after.newAccount ? "yes" : "no" });
  },

  "import.commit": (entry, h) => {
    const after = record(entry.after);
    const file = text(after.fileName);
    if (!file) return undefined;
    return h.t("audit.sentences.importCommit", { file, rows: count(after.inserted ?? after.rows), duplicates: count(after.duplicates) });
  },
  "import.undo": (entry, h) => {
    const file = text(record(entry.before).fileName);
    return file ? h.t("audit.sentences.importUndo", { file, rows: count(record(entry.after).removedRows) }) : undefined;
  },
  "import.cancel": (entry, h) => {
    const file = text(record(entry.before).fileName);
    return file ? h.t("audit.sentences.importCancel", { file }) : undefined;
  },
  "job.cancel": (entry, h) => {
    const after = record(entry.after);
    const kind = text(after.kind);
    const job = kind && h.t.has(`audit.jobs.${kind}`) ? h.t(`audit.jobs.${kind}`) : h.t("audit.jobs.other");
    const file = entry.entityType === "ImportBatch" && entry.entityId ? h.lookups.batches.get(entry.entityId) : undefined;
    return h.t("audit.sentences.jobCancel", { job, file: file ?? "", hasFile: file ? "yes" : "no", outcome: after.outcome === "requested" ? "requested" : "cancelled" });
  },
  "export.create": (entry, h) => {
    const after = record(entry.after);
    const title = text(after.title);
    return title ? h.t("audit.sentences.exportCreate", { title, format: after.format === "PDF" ? "PDF" : "Excel" }) : undefined;
  },
  "export.delete": (entry, h) => {
    const file = text(record(entry.before).fileName);
    return file ? h.t("audit.sentences.exportDelete", { file }) : undefined;
  },
  "receivable.followUp": (entry, h) => {
    const after = record(entry.after);
    const orders = typeof after.orders === "number" ? after.orders : 0;
    const parts: string[] = [];
    if ("ownerId" in after) parts.push(text(after.ownerName) ? h.t("audit.followUpParts.owner", { name: text(after.ownerName)! }) : h.t("audit.followUpParts.ownerNone"));
    if ("nextActionOn" in after) parts.push(text(after.nextActionOn) ? h.t("audit.followUpParts.nextAction", { day: text(after.nextActionOn)! }) : h.t("audit.followUpParts.nextActionNone"));
    const state = text(after.state);
    if (state && h.t.has(`receivables.followStates.${state}`)) parts.push(h.t("audit.followUpParts.state", { state: h.t(`receivables.followStates.${state}`) }));
    if (orders === 0 || parts.length === 0) return undefined;
    const which = orders === 1 && entry.entityId ? entry.entityId : h.t("audit.followUpParts.orders", { count: orders });
    return h.t("audit.sentences.followUp", { which, changes: parts.join(h.t("audit.followUpParts.separator")) });
  },
  "receivableSettings.update": (entry, h) => {
    const after = record(entry.after);
    if (after.reset === true) {
      const notDue = dayList(after.notDueBucketDays, h);
      const overdue = dayList(after.overdueBucketDays, h);
      return notDue && overdue ? h.t("audit.sentences.bucketsReset", { notDue, overdue }) : undefined;
    }
    const changes = describeFieldChanges(entry.before, entry.after, h);
    return changes.length ? h.t("audit.sentences.bucketsUpdate", { changes: joinPhrases(changes, h) }) : h.t("audit.sentences.bucketsSaved");
  },
  "followUpLevel.create": (entry, h) => {
    const after = record(entry.after);
    const name = text(after.name);
    const action = text(after.action);
    return name && action && typeof after.days === "number" ? h.t("audit.sentences.levelCreate", { name, days: after.days, action }) : undefined;
  },
  "followUpLevel.update": (entry, h) => {
    const name = text(record(entry.before).name) ?? nameOf(entry);
    if (!name) return undefined;
    const changes = describeFieldChanges(entry.before, entry.after, h);
    return changes.length ? h.t("audit.sentences.levelUpdate", { name, changes: joinPhrases(changes, h) }) : h.t("audit.sentences.levelSaved", { name });
  },
  "followUpLevel.delete": (entry, h) => {
    const before = record(entry.before);
    const name = text(before.name);
    return name && typeof before.days === "number" ? h.t("audit.sentences.levelDelete", { name, days: before.days }) : undefined;
  },
  "mapping.save": named("mappingSave"),
  "savedReport.create": (entry, h) => {
    const after = record(entry.after);
    const name = text(after.name);
    return name ? h.t("audit.sentences.savedReportCreate", { name, visibility: h.t(after.shared === true ? "audit.savedReportParts.shared" : "audit.savedReportParts.private") }) : undefined;
  },
  "savedReport.update": (entry, h) => {
    const before = record(entry.before);
    const after = record(entry.after);
    const name = text(before.name) ?? text(after.name);
    if (!name) return undefined;
    const parts: string[] = [];
    if (text(after.name) && text(after.name) !== name) parts.push(h.t("audit.savedReportParts.renamed", { name: text(after.name)! }));
    if (typeof after.shared === "boolean" && after.shared !== before.shared) parts.push(h.t(after.shared ? "audit.savedReportParts.nowShared" : "audit.savedReportParts.nowPrivate"));
    if (JSON.stringify(before.spec) !== JSON.stringify(after.spec)) parts.push(h.t("audit.savedReportParts.specChanged"));
    return parts.length
      ? h.t("audit.sentences.savedReportUpdate", { name, changes: parts.join(h.t("audit.savedReportParts.separator")) })
      : h.t("audit.sentences.savedReportSaved", { name });
  },
  "savedReport.duplicate": (entry, h) => {
    const after = record(entry.after);
    const name = text(after.name);
    const from = text(after.fromName);
    return name && from ? h.t("audit.sentences.savedReportDuplicate", { name, from }) : undefined;
  },
  "savedReport.delete": (entry, h) => {
    const name = text(record(entry.before).name);
    return name ? h.t("audit.sentences.savedReportDelete", { name }) : undefined;
  },

  "match.create": (entry, h) => {
    const after = record(entry.after);
    const items = Array.isArray(after.items) ? after.items.map(record) : [];
    const adjustments = Array.isArray(after.adjustments) ? after.adjustments.map(record) : [];
    const known = groupsMoney(entry, h);
    const moved = items.filter((item) => item.slot === "up" || item.slot === "UP").reduce((sum, item) => sum + absolute(minor(item.amountMinor) ?? 0n), 0n);
    const writtenOff = adjustments.reduce((sum, adjustment) => sum + absolute(minor(adjustment.amountMinor) ?? 0n), 0n);
    const link = text(after.link);
    return h.t("audit.sentences.matchCreate", {
      rows: items.length,
      link: link && h.t.has(`workspace.links.${link}`) ? h.t(`workspace.links.${link}`) : "",
      hasLink: link && h.t.has(`workspace.links.${link}`) ? "yes" : "no",
      amount: known ?? h.money(moved),
      writeOff: h.money(writtenOff),
      hasWriteOff: writtenOff > 0n ? "yes" : "no",
      pending: after.status === "PENDING_APPROVAL" ? "yes" : "no",
    });
  },
  "match.confirm": (entry, h) => {
    const skipped = count(record(entry.after).skipped);
    return h.t("audit.sentences.matchConfirm", { ...groupValues(entry, h), skipped });
  },
  "match.reject": (entry, h) => h.t("audit.sentences.matchReject", groupValues(entry, h)),
  "match.approve": (entry, h) => h.t("audit.sentences.matchApprove", groupValues(entry, h)),
  "match.decline": (entry, h) => h.t("audit.sentences.matchDecline", { ...groupValues(entry, h), ...withReason(entry) }),
  "match.reverse": (entry, h) => h.t("audit.sentences.matchReverse", { ...groupValues(entry, h), ...withReason(entry) }),
  "match.undo": (entry, h) => {
    const undid = text(record(entry.after).undid);
    const what = undid && h.t.has(`audit.undone.${undid}`) ? h.t(`audit.undone.${undid}`) : h.t("audit.undone.other");
    return h.t("audit.sentences.matchUndo", { ...groupValues(entry, h), what });
  },

  "period.submit": (entry, h) => (entry.entityId ? h.t("audit.sentences.periodSubmit", { month: entry.entityId, ...openItems(entry) }) : undefined),
  "period.lock": (entry, h) => (entry.entityId ? h.t("audit.sentences.periodLock", { month: entry.entityId, ...openItems(entry) }) : undefined),

  "row.exclude": (entry, h) => {
    const after = record(entry.after);
    const rows = markedRows(after.rows);
    const reason = text(after.reason);
    if (rows.length === 0) return undefined;
    return h.t("audit.sentences.rowExclude", {
      count: rows.length,
      first: rows[0] ?? "",
      reason: reason && h.t.has(`exclusions.reasons.${reason}`) ? h.t(`exclusions.reasons.${reason}`) : (reason ?? ""),
      ...withNote(after.note),
    });
  },
  "row.restore": (entry, h) => {
    const rows = markedRows(record(entry.before).rows);
    if (rows.length === 0) return undefined;
    return h.t("audit.sentences.rowRestore", { count: rows.length, first: rows[0] ?? "" });
  },
  "period.return": (entry, h) => (entry.entityId ? h.t("audit.sentences.periodReturn", { month: entry.entityId }) : undefined),
  "period.reopen": (entry, h) => (entry.entityId ? h.t("audit.sentences.periodReopen", { month: entry.entityId, ...withReason(entry) }) : undefined),

  "note.create": (entry, h) => {
    const after = record(entry.after);
    const body = text(after.body);
    if (!body) return undefined;
    const target = text(after.target);
    return h.t("audit.sentences.noteCreate", { target: target && h.t.has(`audit.noteTargets.${target}`) ? h.t(`audit.noteTargets.${target}`) : h.t("audit.noteTargets.other"), body });
  },

  "reconcileRules.update": (entry, h) => {
    const changes = describeFieldChanges(entry.before, entry.after, h);
    const from = versionText(record(entry.before).version, h);
    const to = versionText(record(entry.after).version, h);
    return changes.length
      ? h.t("audit.sentences.rulesUpdate", { from, to, changes: joinPhrases(changes, h) })
      : h.t("audit.sentences.rulesSaved", { from, to });
  },
  "reconcileRules.reset": (entry, h) => h.t("audit.sentences.rulesReset", { to: versionText(record(entry.after).version, h) }),

  "alerts.compute": (entry, h) => {
    const after = record(entry.after);
    const asOf = text(after.asOf);
    if (!asOf) return undefined;
    return h.t("audit.sentences.alertsCompute", { asOf, raised: count(after.raised), reopened: count(after.reopened), cleared: count(after.cleared) });
  },
  "alerts.assign": (entry, h) => {
    const after = record(entry.after);
    const type = alertTypeName(after.type, h);
    const name = text(after.assigneeName);
    if (!type || !name) return undefined;
    return h.t(after.self === true ? "audit.sentences.alertStart" : "audit.sentences.alertAssign", { type, name, ...withNote(after.note) });
  },
  "alerts.resolve": (entry, h) => {
    const after = record(entry.after);
    const type = alertTypeName(after.type, h);
    return type ? h.t("audit.sentences.alertResolve", { type, ...withNote(after.note) }) : undefined;
  },
  "alerts.ignore": (entry, h) => {
    const type = alertTypeName(record(entry.after).type, h);
    return type ? h.t("audit.sentences.alertIgnore", { type, ...withReason(entry) }) : undefined;
  },
  "alerts.reopen": (entry, h) => {
    const after = record(entry.after);
    const type = alertTypeName(after.type, h);
    return type ? h.t("audit.sentences.alertReopen", { type, ...withNote(after.note) }) : undefined;
  },
  "alertRule.update": (entry, h) => {
    const before = record(entry.before);
    const after = record(entry.after);
    const rawType = text(after.type) ?? text(before.type) ?? entry.entityId ?? undefined;
    const type = alertTypeName(rawType, h);
    if (!rawType || !type) return undefined;
    const changes = alertRuleChanges(before, after, rawType, h);
    return changes.length ? h.t("audit.sentences.alertRuleUpdate", { type, changes: joinPhrases(changes, h) }) : h.t("audit.sentences.alertRuleSaved", { type });
  },
};

/** Every kind that has its own sentence, in the order the filter lists them. */
export const AUDIT_KINDS = Object.keys(BUILDERS);
/** The areas a kind belongs to ("store" of "store.update"), for the filter's groups. */
export const AUDIT_AREAS = [...new Set(AUDIT_KINDS.map((kind) => kind.slice(0, kind.indexOf("."))))];

export function makeHelpers(t: Translate, locale: MoneyLocale, lookups: AuditLookups): Helpers {
  return {
    t,
    locale,
    lookups,
    money: (amount, currency = "CNY") => formatMinor(amount, currency, locale),
    percent: (bps) => `${formatBpsAsPercent(bps)}%`,
    quote: (value) => t("audit.sentences.quoted", { text: value }),
  };
}

/** What a kind is called ("修改店铺"), for the type column and the filter; an unknown kind is shown as written. */
export function auditKindLabel(action: string, t: Translate): string {
  return t.has(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

/** A line for a kind without its own sentence, or an entry its builder cannot read. */
function genericSentence(entry: AuditSentenceEntry, h: Helpers): string {
  const label = auditKindLabel(entry.action, h.t);
  const target = nameOf(entry) ?? text(record(entry.after).fileName) ?? text(record(entry.before).fileName) ?? text(record(entry.after).email) ?? text(record(entry.before).email);
  return h.t("audit.sentences.generic", { label, target: target ?? "", hasTarget: target ? "yes" : "no" });
}

export function describeAuditEntry(entry: AuditSentenceEntry, t: Translate, locale: MoneyLocale, lookups: AuditLookups): string {
  const h = makeHelpers(t, locale, lookups);
  const builder = BUILDERS[entry.action];
  if (builder) {
    try {
      const sentence = builder(entry, h);
      if (sentence) return sentence;
    } catch {
      // An entry written before its kind's payload settled: the generic line still reads.
    }
  }
  return genericSentence(entry, h);
}
