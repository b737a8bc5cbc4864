import { getTranslations } from "next-intl/server";
import { ArchiveButton } from "@/components/settings/archive-button";
import { StoreForm } from "@/components/settings/store-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { findOr404 } from "@/lib/shared/page-lookup";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { getStoreOrThrow } from "@/lib/stores/store-service";
import { setStoreArchivedAction } from "@/lib/actions/settings/stores";
import { LearnedFeeRates } from "@/components/settings/learned-fee-rates";
import { listStoreFeeRates } from "@/lib/fee-rates/store-fee-rates";

export default async function EditStorePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext("stores.manage");
  const store = await findOr404(getStoreOrThrow(db, ctx.orgId, (await params).id));
  const [t, rates, org] = await Promise.all([
    getTranslations("stores"),
    listStoreFeeRates(db, ctx.orgId, store.id),
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } }),
  ]);
  return (
    <div>
      <PageHeader
        title={t("editTitle")}
        intro={store.name}
        actions={<ArchiveButton id={store.id} archived={Boolean(store.archivedAt)} action={setStoreArchivedAction} />}
      />
      {store.archivedAt ? (
        <div className="mb-6 max-w-xl">
          <Alert tone="warning">{t("archivedNotice")}</Alert>
        </div>
      ) : null}
      <StoreForm
        initial={{
          id: store.id,
          name: store.name,
          platform: store.platform,
          currency: store.currency,
          settlementTermsDays: store.settlementTermsDays,
          feeRatePercent: formatBpsAsPercent(store.feeRateBps),
          autoConfirmDays: store.autoConfirmDays === null ? "" : String(store.autoConfirmDays),
        }}
      />
      <LearnedFeeRates rates={rates} contracted={store.feeRateBps > 0} timeZone={org.timezone} />
    </div>
  );
}
