// A company's 回款管理 settings: its aging buckets and its follow-up levels (like Odoo's: from N
// days overdue an order is at a level that says what to do). Absent rows mean the defaults; default
// levels carry a key the UI words in the reader's language, a company's own carry its own words.
import type { Tx } from "@/lib/db/client";
import { agingBuckets, DEFAULT_NOT_DUE_BUCKET_DAYS, DEFAULT_OVERDUE_BUCKET_DAYS, type AgingBucket } from "./aging-buckets";

export type FollowUpLevelView = { id: string | null; days: number; name: string | null; action: string | null; defaultKey: DefaultLevelKey | null };

export const DEFAULT_LEVELS = [
  { days: 1, defaultKey: "remind" },
  { days: 8, defaultKey: "chase" },
  { days: 31, defaultKey: "escalate" },
  { days: 61, defaultKey: "writeOff" },
] as const;
export type DefaultLevelKey = (typeof DEFAULT_LEVELS)[number]["defaultKey"];

export type ReceivableSettingsView = {
  notDueBucketDays: number[];
  overdueBucketDays: number[];
  buckets: AgingBucket[];
  levels: FollowUpLevelView[];
  /** True when the company set its own levels. */
  ownLevels: boolean;
};

export async function loadReceivableSettings(tx: Tx, orgId: string): Promise<ReceivableSettingsView> {
  const [settings, levels] = await Promise.all([
    tx.receivableSettings.findUnique({ where: { orgId } }),
    tx.followUpLevel.findMany({ where: { orgId }, orderBy: { days: "asc" } }),
  ]);
  const notDueBucketDays = settings?.notDueBucketDays.length ? settings.notDueBucketDays : [...DEFAULT_NOT_DUE_BUCKET_DAYS];
  const overdueBucketDays = settings?.overdueBucketDays.length ? settings.overdueBucketDays : [...DEFAULT_OVERDUE_BUCKET_DAYS];
  return {
    notDueBucketDays,
    overdueBucketDays,
    buckets: agingBuckets(notDueBucketDays, overdueBucketDays),
    levels:
      levels.length > 0
        ? levels.map((level) => ({ id: level.id, days: level.days, name: level.name, action: level.action, defaultKey: null }))
        : DEFAULT_LEVELS.map((level) => ({ id: null, days: level.days, name: null, action: null, defaultKey: level.defaultKey })),
    ownLevels: levels.length > 0,
  };
}

/** The level an order `daysOverdue` days late is at: the last whose days it reached; none before the first. */
export function levelOf(levels: readonly FollowUpLevelView[], daysOverdue: number | null): FollowUpLevelView | null {
  if (daysOverdue === null || daysOverdue <= 0) return null;
  let found: FollowUpLevelView | null = null;
  for (const level of levels) if (daysOverdue >= level.days) found = level;
  return found;
}
