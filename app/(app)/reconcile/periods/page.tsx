import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PeriodActions } from "@/components/reconcile/period-actions";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPeriods } from "@/lib/match-review/list-periods";
import { peopleNames } from "@/lib/match-review/workspace-summary";

const TONE = { OPEN: "neutral", SUBMITTED: "warning", LOCKED: "brand" } as const;

export default async function PeriodsPage() {
  const ctx = await requirePageContext();
  const [t, format, periods] = await Promise.all([getTranslations("workspace"), getFormatter(), listPeriods(db, ctx.orgId)]);
  const people = await peopleNames(db, periods.flatMap((period) => [period.submittedById, period.lockedById, period.reopenedById]));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
  return (
    <div>
      <PageHeader title={t("tabs.periods")} intro={t("periodsIntro")} />
      {periods.length === 0 ? (
        <EmptyState>{t("noMonths")}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("month")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th className="text-right">{t("openOrders")}</Th>
              <Th className="text-right">{t("openBank")}</Th>
              <Th className="text-right">{t("pendingApprovals")}</Th>
              <Th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="periods">
            {periods.map((period) => (
              <tr key={period.month} data-month={period.month}>
                <Td className="num font-medium">
                  <Link href={`/reconcile/periods/${period.month}`} className="text-brand-700 hover:underline" title={t("closeReportLink")}>
                    {period.month}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={TONE[period.status]}>{t(`periodStatus.${period.status}`)}</Badge>
                  <div className="mt-1 space-y-0.5 text-xs text-slate-500">
                    {period.status !== "OPEN" && period.submittedAt ? <div>{t("submittedBy", { name: people[period.submittedById ?? ""] ?? "", when: when(period.submittedAt) })}</div> : null}
                    {period.status === "LOCKED" && period.lockedAt ? <div>{t("lockedBy", { name: people[period.lockedById ?? ""] ?? "", when: when(period.lockedAt) })}</div> : null}
                    {period.status === "OPEN" && period.reopenedAt ? (
                      <div>{t("reopenedBy", { name: people[period.reopenedById ?? ""] ?? "", when: when(period.reopenedAt), reason: period.reopenReason ?? "" })}</div>
                    ) : null}
                  </div>
                </Td>
                <Td className="num text-right">{period.openOrders}</Td>
                <Td className="num text-right">{period.openBank}</Td>
                <Td className="num text-right">{period.pendingApprovals}</Td>
                <Td>
                  <PeriodActions month={period.month} status={period.status} canSubmit={can(ctx.role, "workspace.match")} canLock={can(ctx.role, "workspace.approve")} canReopen={can(ctx.role, "period.reopen")} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
