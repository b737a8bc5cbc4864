// The home page's 最近对账: the last few reconciliation runs, dense — when, status, what the engine
// confirmed, proposed and left unmatched, how long it took, who started it — linking to the runs on
// 对账处理 (a run has no page of its own). Renders what it is given (lib/overview/recent-work.ts).
import Link from "next/link";
import { RecentWorkCard, RECENT_TD, RECENT_TH } from "./recent-work-card";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { RecentRun } from "@/lib/overview/recent-work";
import { formatLocalDateTime } from "@/lib/shared/local-time";

const TH = RECENT_TH;
const TD = RECENT_TD;

export async function RecentRunsCard({ runs, timeZone }: { runs: RecentRun[]; timeZone: string }) {
  const [t, tr] = await Promise.all([getTranslations("overview.glance"), getTranslations("reconcile")]);
  const count = (value: number | null) => (value === null ? "—" : value);
  return (
    <RecentWorkCard id="recent-runs" title={t("runs")} link={{ href: "/reconcile", text: t("allRuns") }} emptyText={runs.length === 0 ? t("noRuns") : null}>
      <table className="w-full text-sm" data-testid="recent-runs">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>{t("when")}</th>
            <th scope="col" className={TH}>{t("status")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("autoConfirmed")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("proposed")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("unmatched")}</th>
            <th scope="col" className={`${TH} hidden text-right sm:table-cell`}>{t("duration")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const at = formatLocalDateTime(run.startedAt, timeZone);
            return (
              <tr key={run.id} data-run-id={run.id}>
                <td className={`${TD} num whitespace-nowrap`}>
                  <Link href="/reconcile" className="text-brand-700 hover:underline" title={at}>
                    {at.slice(5, 16)}
                  </Link>
                  {run.by ? <span className="block max-w-32 truncate text-xs text-slate-500">{run.by}</span> : null}
                </td>
                <td className={`${TD} whitespace-nowrap`}>
                  <Badge tone={run.status === "SUCCEEDED" ? "brand" : run.status === "FAILED" ? "warning" : "neutral"}>{tr(`statuses.${run.status}`)}</Badge>
                </td>
                <td className={`${TD} num text-right`}>{count(run.autoConfirmed)}</td>
                <td className={`${TD} num text-right`}>{count(run.proposed)}</td>
                <td className={`${TD} num text-right`}>{count(run.unmatched)}</td>
                <td className={`${TD} num hidden whitespace-nowrap text-right text-slate-600 sm:table-cell`}>
                  {run.durationMs === null ? "—" : t("seconds", { seconds: (run.durationMs / 1000).toFixed(1) })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </RecentWorkCard>
  );
}
