import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/import/progress-bar";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";
import { RefreshWhile } from "@/components/import/refresh-while";
import { StartRunButton } from "@/components/reconcile/start-run-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { cancelRunAction } from "@/lib/actions/reconcile/cancel-run";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isCancellable, jobProgressLabel, latestJobOf } from "@/lib/jobs/job-queries";
import { RUN_CANCELLED, RUN_INTERRUPTED } from "@/lib/match-runs/interrupted-runs";
import { workspaceCounts } from "@/lib/match-review/workspace-summary";
import { runResults, runScope } from "@/lib/match-runs/run-record";
import type { ReconcileScope } from "@/lib/match-runs/run-scope";

export default async function ReconcilePage() {
  const ctx = await requirePageContext();
  const [t, ts, tw, format, runs, counts, stores, accounts] = await Promise.all([
    getTranslations("reconcile"),
    getTranslations("reconcile.scope"),
    getTranslations("workspace"),
    getFormatter(),
    db.reconciliationRun.findMany({ where: { orgId: ctx.orgId }, orderBy: { startedAt: "desc" }, take: 10 }),
    workspaceCounts(db, ctx.orgId),
    db.store.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true, archivedAt: true }, orderBy: { name: "asc" } }),
    db.fundAccount.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true, archivedAt: true }, orderBy: { name: "asc" } }),
  ]);
  // Runs name their scope by the store's and account's names (archived ones too: old runs keep theirs).
  const names = new Map([...stores, ...accounts].map((owner) => [owner.id, owner.name]));
  const scopeText = (scope: ReconcileScope) => {
    const parts = [scope.month, scope.storeId && (names.get(scope.storeId) ?? "—"), scope.accountId && (names.get(scope.accountId) ?? "—")].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : ts("all");
  };
  const running = runs.find((run) => run.status === "RUNNING");
  const [tj, job] = await Promise.all([getTranslations(), running ? latestJobOf(db, ctx.orgId, running.id) : null]);
  const latest = runs[0];
  const latestResults = latest?.status === "SUCCEEDED" ? runResults(latest) : {};
  const active = (list: typeof stores) => list.filter((owner) => !owner.archivedAt).map(({ id, name }) => ({ id, name }));
  const canRun = can(ctx.role, "reconcile.run");
  const cancelButton = canRun && isCancellable(job) ? <CancelJobButton jobId={job.id} action={cancelRunAction} /> : null;

  return (
    <div className="space-y-8">
      <div>
        <PageHeader title={t("title")} intro={t("intro")} />
        {canRun ? <StartRunButton disabled={Boolean(running)} stores={active(stores)} accounts={active(accounts)} /> : null}
      </div>
      <RefreshWhile active={Boolean(running)} />
      {running ? <ProgressBar label={jobProgressLabel(tj, job) ?? t("running")} fraction={running.progress} action={cancelButton} /> : null}
      {latest?.status === "FAILED" ? <Alert tone={latest.error === RUN_CANCELLED ? "info" : "error"}>{latest.error === RUN_INTERRUPTED ? t("interrupted") : latest.error === RUN_CANCELLED ? t("cancelled") : t("failed", { error: latest.error ?? "" })}</Alert> : null}

      {latestResults.skippedInLockedMonths || latestResults.keptInLockedMonths ? (
        <Alert tone="info">
          {t("lockedMonthsLeftAlone", {
            months: (latestResults.lockedMonths ?? []).join("、"),
            skipped: latestResults.skippedInLockedMonths ?? 0,
            kept: latestResults.keptInLockedMonths ?? 0,
          })}
        </Alert>
      ) : null}

      {latest && latestResults.keptOutsideScope ? (
        <Alert tone="info">{t("outsideScopeLeftAlone", { scope: scopeText(runScope(latest)), kept: latestResults.keptOutsideScope })}</Alert>
      ) : null}

      <section className="grid gap-3 sm:grid-cols-2" aria-label={tw("tabs.overview")}>
        {[
          { href: "/reconcile/proposals", label: tw("summary.proposals"), value: counts.proposals },
          { href: "/reconcile/approvals", label: tw("summary.pending"), value: counts.pending },
        ].map((card) => (
          <Link key={card.href} href={card.href} className="rounded-lg bg-white p-4 ring-1 ring-slate-200 hover:ring-brand-300">
            <span className="block text-xs text-slate-500">{card.label}</span>
            <span className="num text-2xl font-semibold text-slate-900">{card.value}</span>
          </Link>
        ))}
      </section>

      <section className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-800">{t("runs")}</h2>
        {runs.length === 0 ? (
          <EmptyState>{t("noRuns")}</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th className="whitespace-nowrap">{t("startedAt")}</Th>
                <Th className="whitespace-nowrap">{t("status")}</Th>
                <Th className="whitespace-nowrap">{ts("column")}</Th>
                <Th className="whitespace-nowrap text-right">{t("autoConfirmed")}</Th>
                <Th className="whitespace-nowrap text-right">{t("proposed")}</Th>
                <Th className="whitespace-nowrap text-right">{t("unmatchedOrders")}</Th>
                <Th className="whitespace-nowrap text-right">{t("unmatchedSettlement")}</Th>
                <Th className="whitespace-nowrap text-right">{t("unmatchedBank")}</Th>
                <Th className="whitespace-nowrap text-right">{t("duration")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="reconcile-runs">
              {runs.map((run) => {
                const results = runResults(run);
                // A cancelled run is FAILED in the database (its slot freed), but people cancelled it on purpose.
                const statusKey = run.status === "FAILED" && run.error === RUN_CANCELLED ? "CANCELLED" : run.status;
                return (
                  <tr key={run.id}>
                    <Td className="num whitespace-nowrap">{format.dateTime(run.startedAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
                    <Td className="whitespace-nowrap">
                      <Badge tone={run.status === "SUCCEEDED" ? "brand" : run.status === "FAILED" ? "warning" : "neutral"}>{t(`statuses.${statusKey}`)}</Badge>
                    </Td>
                    <Td className="whitespace-nowrap" data-testid="run-scope">{scopeText(runScope(run))}</Td>
                    <Td className="num text-right" data-testid="run-auto-confirmed">{results.autoConfirmed ?? "—"}</Td>
                    <Td className="num text-right">{results.proposed ?? "—"}</Td>
                    <Td className="num text-right">{results.unmatched?.orders ?? "—"}</Td>
                    <Td className="num text-right">{results.unmatched?.settlement ?? "—"}</Td>
                    <Td className="num text-right">{results.unmatched?.bank ?? "—"}</Td>
                    <Td className="num text-right">{run.durationMs === null ? "—" : t("ms", { ms: run.durationMs })}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>

    </div>
  );
}
