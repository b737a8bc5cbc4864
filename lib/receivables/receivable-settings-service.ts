// Changing a company's 回款管理 settings: its aging buckets (ReceivableSettings) and its follow-up
// levels (FollowUpLevel). Each change commits with its audit row. Nothing here rebuilds the
// receivables: buckets and levels are applied when the orders are read (receivable-settings.ts).
// The form schemas live here too, beside the rules they check, so the door and the service agree.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { FollowUpLevel } from "@/lib/db/generated/client";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { parseDayList } from "@/lib/shared/day-list";
import { isUuid } from "@/lib/shared/uuid";
import { bucketBoundsSchema, DEFAULT_NOT_DUE_BUCKET_DAYS, DEFAULT_OVERDUE_BUCKET_DAYS } from "./aging-buckets";
import { DEFAULT_LEVELS, loadReceivableSettings, type DefaultLevelKey } from "./receivable-settings";

export const MAX_LEVEL_DAYS = 3650;
export const MAX_LEVEL_NAME = 30;
export const MAX_LEVEL_ACTION = 200;

export type BucketBounds = { notDueBucketDays: number[]; overdueBucketDays: number[] };
export type BucketField = keyof BucketBounds;
export type FollowUpLevelInput = { days: number; name: string; action: string };
export type DefaultLevelWords = Record<DefaultLevelKey, { name: string; action: string }>;

/** Bounds typed as "7, 30": whole days, increasing, at most 8; the messages name the field. */
function boundsField(field: BucketField) {
  const which = field === "notDueBucketDays" ? "notDue" : "overdue";
  return z.string().transform((text, ctx) => {
    const days = parseDayList(text);
    const checked = days === null ? null : bucketBoundsSchema.safeParse(days);
    if (checked?.success) return checked.data;
    const increasing = checked?.error.issues.every((issue) => issue.message === "receivables.validation.boundsIncreasing");
    ctx.addIssue({ code: "custom", message: `receivableSettings.validation.${which}${increasing ? "Increasing" : "Format"}` });
    return z.NEVER;
  });
}

export const agingBucketsFormSchema = z.object({ notDueBucketDays: boundsField("notDueBucketDays"), overdueBucketDays: boundsField("overdueBucketDays") });

export const followUpLevelFormSchema = z.object({
  days: z.coerce
    .number({ error: "receivableSettings.validation.levelDays" })
    .int({ error: "receivableSettings.validation.levelDays" })
    .min(1, { error: "receivableSettings.validation.levelDays" })
    .max(MAX_LEVEL_DAYS, { error: "receivableSettings.validation.levelDays" }),
  name: z.string().trim().min(1, { error: "receivableSettings.validation.levelName" }).max(MAX_LEVEL_NAME, { error: "receivableSettings.validation.levelName" }),
  action: z.string().trim().min(1, { error: "receivableSettings.validation.levelAction" }).max(MAX_LEVEL_ACTION, { error: "receivableSettings.validation.levelAction" }),
});

/** The company's bounds as they apply now (its own, or the defaults), for the audit's before. */
async function currentBounds(tx: Tx, orgId: string): Promise<BucketBounds> {
  const { notDueBucketDays, overdueBucketDays } = await loadReceivableSettings(tx, orgId);
  return { notDueBucketDays, overdueBucketDays };
}

function checkBounds(input: BucketBounds): void {
  for (const field of ["notDueBucketDays", "overdueBucketDays"] as const) {
    if (!bucketBoundsSchema.safeParse(input[field]).success) throw new AppError("INVALID", { messageKey: "bucketBoundsInvalid", field });
  }
}

/** Saves the company's own bounds. */
export async function saveAgingBuckets(db: DbOrTx, ctx: Actor, input: BucketBounds): Promise<BucketBounds> {
  checkBounds(input);
  const after = { notDueBucketDays: [...input.notDueBucketDays], overdueBucketDays: [...input.overdueBucketDays] };
  return atomically(db, async (tx) => {
    const before = await currentBounds(tx, ctx.orgId);
    await tx.receivableSettings.upsert({ where: { orgId: ctx.orgId }, create: { orgId: ctx.orgId, ...after }, update: after });
    await writeAuditLog(tx, actorOf(ctx), { action: "receivableSettings.update", entityType: "ReceivableSettings", before, after });
    return after;
  });
}

/** Back to the defaults: empty lists, so a later change of the defaults reaches this company too. */
export async function resetAgingBuckets(db: DbOrTx, ctx: Actor): Promise<BucketBounds> {
  const defaults = { notDueBucketDays: [...DEFAULT_NOT_DUE_BUCKET_DAYS], overdueBucketDays: [...DEFAULT_OVERDUE_BUCKET_DAYS] };
  return atomically(db, async (tx) => {
    const before = await currentBounds(tx, ctx.orgId);
    await tx.receivableSettings.upsert({
      where: { orgId: ctx.orgId },
      create: { orgId: ctx.orgId, notDueBucketDays: [], overdueBucketDays: [] },
      update: { notDueBucketDays: [], overdueBucketDays: [] },
    });
    await writeAuditLog(tx, actorOf(ctx), { action: "receivableSettings.update", entityType: "ReceivableSettings", before, after: { ...defaults, reset: true } });
    return defaults;
  });
}

async function getLevelOrThrow(tx: Tx, orgId: string, id: string): Promise<FollowUpLevel> {
  const level = isUuid(id) ? await tx.followUpLevel.findFirst({ where: { orgId, id } }) : null;
  if (!level) throw new AppError("NOT_FOUND");
  return level;
}

function daysTaken(days: number): AppError {
  return new AppError("CONFLICT", { messageKey: "followUpLevelDaysTaken", params: { days }, field: "days" });
}

/** Two levels cannot start on the same day: said before the write, and again if a race gets there first. */
async function withUniqueDays<T>(days: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw daysTaken(days);
    throw error;
  }
}

async function assertDaysFree(tx: Tx, orgId: string, days: number, exceptId?: string): Promise<void> {
  const other = await tx.followUpLevel.findFirst({ where: { orgId, days, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw daysTaken(days);
}

export async function createFollowUpLevel(db: DbOrTx, ctx: Actor, input: FollowUpLevelInput): Promise<FollowUpLevel> {
  return withUniqueDays(input.days, () =>
    atomically(db, async (tx) => {
      await assertDaysFree(tx, ctx.orgId, input.days);
      const level = await tx.followUpLevel.create({ data: { orgId: ctx.orgId, days: input.days, name: input.name, action: input.action } });
      await writeAuditLog(tx, actorOf(ctx), { action: "followUpLevel.create", entityType: "FollowUpLevel", entityId: level.id, after: level });
      return level;
    }),
  );
}

export async function updateFollowUpLevel(db: DbOrTx, ctx: Actor, id: string, input: FollowUpLevelInput): Promise<FollowUpLevel> {
  return withUniqueDays(input.days, () =>
    atomically(db, async (tx) => {
      const before = await getLevelOrThrow(tx, ctx.orgId, id);
      await assertDaysFree(tx, ctx.orgId, input.days, before.id);
      const after = await tx.followUpLevel.update({ where: { orgId_id: { orgId: before.orgId, id: before.id } }, data: { days: input.days, name: input.name, action: input.action } });
      await writeAuditLog(tx, actorOf(ctx), { action: "followUpLevel.update", entityType: "FollowUpLevel", entityId: id, before, after });
      return after;
    }),
  );
}

/** Deleting the last level leaves the company on the default levels again. */
export async function deleteFollowUpLevel(db: DbOrTx, ctx: Actor, id: string): Promise<void> {
  await atomically(db, async (tx) => {
    const before = await getLevelOrThrow(tx, ctx.orgId, id);
    await tx.followUpLevel.delete({ where: { orgId_id: { orgId: before.orgId, id: before.id } } });
    await writeAuditLog(tx, actorOf(ctx), { action: "followUpLevel.delete", entityType: "FollowUpLevel", entityId: id, before });
  });
}

/**
 * "Start editing from the defaults": the four default levels become the company's own rows, worded
 * in the language of the person who asked (the words are theirs to change from then on).
 */
export async function adoptDefaultLevels(db: DbOrTx, ctx: Actor, words: DefaultLevelWords): Promise<FollowUpLevel[]> {
  return atomically(db, async (tx) => {
    if ((await tx.followUpLevel.count({ where: { orgId: ctx.orgId } })) > 0) throw new AppError("CONFLICT", { messageKey: "followUpLevelsAlreadyOwn" });
    const created: FollowUpLevel[] = [];
    for (const { days, defaultKey } of DEFAULT_LEVELS) {
      const { name, action } = words[defaultKey];
      const level = await tx.followUpLevel.create({ data: { orgId: ctx.orgId, days, name: name.slice(0, MAX_LEVEL_NAME), action: action.slice(0, MAX_LEVEL_ACTION) } });
      await writeAuditLog(tx, actorOf(ctx), { action: "followUpLevel.create", entityType: "FollowUpLevel", entityId: level.id, after: level });
      created.push(level);
    }
    return created;
  });
}
