import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DEFAULT_AUTO_CONFIRM_DAYS } from "@/lib/receivables/expected-date";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { listStores } from "@/lib/stores/store-service";

export default async function StoresPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const ctx = await requirePageContext();
  const showArchived = (await searchParams).archived === "1";
  const [t, stores] = await Promise.all([getTranslations(), listStores(db, ctx.orgId, { includeArchived: showArchived })]);
  const canManage = can(ctx.role, "stores.manage");

  return (
    <div>
      <PageHeader
        title={t("stores.title")}
        intro={t("stores.intro")}
        actions={
          <>
            <Link href={showArchived ? "/settings/stores" : "/settings/stores?archived=1"} className={buttonClass("ghost")}>
              {showArchived ? t("common.hideArchived") : t("common.showArchived")}
            </Link>
            {canManage ? (
              <Link href="/settings/stores/new" className={buttonClass("primary")}>
                {t("stores.new")}
              </Link>
            ) : null}
          </>
        }
      />
      {stores.length === 0 ? (
        <EmptyState>{t("stores.empty")}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("stores.name")}</Th>
              <Th>{t("stores.platform")}</Th>
              <Th>{t("stores.termsShort")}</Th>
              <Th className="text-right">{t("stores.autoConfirmShort")}</Th>
              <Th className="text-right">{t("stores.feeRateShort")}</Th>
              <Th>{t("stores.currency")}</Th>
              <Th>{t("members.status")}</Th>
              {canManage ? <Th className="text-right">{t("common.actions")}</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="stores-table">
            {stores.map((store) => (
              <tr key={store.id}>
                <Td className="font-medium text-slate-900">{store.name}</Td>
                <Td>{t(`platforms.${store.platform}`)}</Td>
                <Td className="num">{t("stores.termsDays", { days: store.settlementTermsDays })}</Td>
                <Td className="num text-right" data-testid="store-auto-confirm">
                  {store.autoConfirmDays === null ? (
                    <span className="text-slate-400" title={t("stores.autoConfirmPlatformDefault")}>
                      {t("stores.autoConfirmDefault", { days: DEFAULT_AUTO_CONFIRM_DAYS[store.platform] })}
                    </span>
                  ) : (
                    t("stores.autoConfirmDays", { days: store.autoConfirmDays })
                  )}
                </Td>
                <Td className="num text-right">{formatBpsAsPercent(store.feeRateBps)}%</Td>
                <Td>{store.currency}</Td>
                <Td>
                  {store.archivedAt ? <Badge tone="muted">{t("common.archived")}</Badge> : <Badge tone="brand">{t("common.active")}</Badge>}
                </Td>
                {canManage ? (
                  <Td className="text-right">
                    <Link href={`/settings/stores/${store.id}`} className="text-brand-600 hover:underline">
                      {t("common.edit")}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
