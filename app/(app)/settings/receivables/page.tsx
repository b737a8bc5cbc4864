// 回款设置: the company's aging buckets and follow-up levels. Everyone may read them (they explain
// the 回款管理 page); OWNER and ADMIN change them. ?level=<id> opens that level for editing, so a
// link from an order's level lands on it; another company's id opens nothing.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgingBucketsForm } from "@/components/settings/aging-buckets-form";
import { FollowUpLevels, type LevelRow } from "@/components/settings/follow-up-levels";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DEFAULT_NOT_DUE_BUCKET_DAYS, DEFAULT_OVERDUE_BUCKET_DAYS } from "@/lib/receivables/aging-buckets";
import { loadReceivableSettings } from "@/lib/receivables/receivable-settings";

export default async function ReceivableSettingsPage({ searchParams }: { searchParams: Promise<{ level?: string }> }) {
  const ctx = await requirePageContext();
  const [t, settings, query] = await Promise.all([getTranslations(), loadReceivableSettings(db, ctx.orgId), searchParams]);
  const canEdit = can(ctx.role, "receivables.settings");
  const own = await db.receivableSettings.findUnique({ where: { orgId: ctx.orgId }, select: { notDueBucketDays: true, overdueBucketDays: true } });
  const ownBuckets = Boolean(own && (own.notDueBucketDays.length > 0 || own.overdueBucketDays.length > 0));
  // Default levels are worded in the reader's language; a company's own carry its own words.
  const levels: LevelRow[] = settings.levels.map((level) => ({
    id: level.id,
    days: level.days,
    name: level.name ?? (level.defaultKey ? t(`receivables.levels.${level.defaultKey}.name`) : ""),
    action: level.action ?? (level.defaultKey ? t(`receivables.levels.${level.defaultKey}.action`) : ""),
    isDefault: level.defaultKey !== null,
  }));
  const openLevelId = typeof query.level === "string" && levels.some((level) => level.id === query.level) ? query.level : null;

  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("receivableSettings.title")}
        intro={t.rich("receivableSettings.intro", {
          stores: (chunks) => (
            <Link href="/settings/stores" className="text-brand-600 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      />
      {canEdit ? null : (
        <div className="mb-6">
          <Alert tone="info">{t("receivableSettings.readOnly")}</Alert>
        </div>
      )}
      <div className="space-y-6">
        <Card title={t("receivableSettings.buckets.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("receivableSettings.buckets.intro")}</p>
          <AgingBucketsForm
            initial={{ notDueBucketDays: settings.notDueBucketDays, overdueBucketDays: settings.overdueBucketDays }}
            defaults={{ notDueBucketDays: [...DEFAULT_NOT_DUE_BUCKET_DAYS], overdueBucketDays: [...DEFAULT_OVERDUE_BUCKET_DAYS] }}
            own={ownBuckets}
            canEdit={canEdit}
          />
        </Card>
        <Card title={t("receivableSettings.levels.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("receivableSettings.levels.intro")}</p>
          <FollowUpLevels levels={levels} own={settings.ownLevels} canEdit={canEdit} openLevelId={openLevelId} />
        </Card>
      </div>
    </div>
  );
}
