// One alert in the drawer: why it fired (its sentence), how to clear it, the money and day, the rows
// it names (kind, reference, file and row, with a link where the app shows that row), who handles
// it, the actions the reader may take, and its history (people's changes and the computations').
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { alertClearing, alertSentence, alertTypeName, type CheckingTranslator } from "@/lib/alerts/alert-words";
import type { AlertDetail } from "@/lib/alerts/alert-detail";
import { alertRefHref } from "@/lib/alerts/alert-ref-link";
import { formatMinor } from "@/lib/money";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import { AlertActions } from "./alert-actions";
import { AlertStatusBadge, SeverityBadge } from "./alert-badges";

type Member = { id: string; name: string };

export async function AlertDetailPanel({
  detail,
  locale,
  timeZone,
  canHandle,
  currentUserId,
  members,
}: {
  detail: AlertDetail;
  locale: "zh-CN" | "en";
  timeZone: string;
  canHandle: boolean;
  currentUserId: string;
  members: Member[];
}) {
  const t = await getTranslations();
  const words = t as unknown as CheckingTranslator;
  const { alert, refs, history } = detail;
  const clearing = alertClearing(words, alert.type);
  const totalRows = typeof alert.facts.rows === "number" ? alert.facts.rows : Number(alert.facts.rows ?? refs.length) || refs.length;
  const when = (at: Date) => formatLocalDateTime(at, timeZone).slice(0, 16);
  const owner = [alert.storeName, alert.accountName].filter(Boolean).join(" / ");

  return (
    <div className="space-y-5 text-sm" data-testid="alert-detail" data-alert-id={alert.id} data-alert-status={alert.status}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={alert.severity} label={t(`alerts.severities.${alert.severity}`)} />
        <span className="font-medium text-slate-800">{alertTypeName(words, alert.type)}</span>
        <AlertStatusBadge status={alert.status} label={t(`alerts.statuses.${alert.status}`)} />
        {owner ? <span className="text-slate-600">{owner}</span> : null}
      </div>

      <section>
        <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.detail.why")}</h3>
        <p className="text-slate-900" data-testid="alert-message">
          {alertSentence(words, alert, locale)}
        </p>
      </section>
      {clearing ? (
        <section>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.detail.howToClear")}</h3>
          <p className="text-slate-700" data-testid="alert-how-to-clear">
            {clearing}
          </p>
        </section>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">{t("alerts.detail.amount")}</dt>
          <dd className="num font-medium">{formatMinor(alert.amountMinor, alert.currency, locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("alerts.detail.day")}</dt>
          <dd>{alert.day ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("alerts.detail.assignee")}</dt>
          <dd>{alert.assigneeName ?? t("alerts.detail.nobody")}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("alerts.detail.firstSeen")}</dt>
          <dd>{when(alert.firstSeenAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("alerts.detail.lastSeen")}</dt>
          <dd>{when(alert.lastSeenAt)}</dd>
        </div>
        {alert.closedAt ? (
          <div>
            <dt className="text-xs text-slate-500">{t("alerts.detail.closedBy")}</dt>
            <dd>
              {detail.closedByName ?? t("alerts.detail.system")} · {when(alert.closedAt)}
            </dd>
          </div>
        ) : null}
      </dl>
      {alert.note ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-slate-700">
          <span className="text-xs text-slate-500">{t("alerts.detail.note")}：</span>
          {alert.note}
        </p>
      ) : null}
      {alert.reopenCount > 0 || !alert.causePresent ? (
        <p className="text-xs text-slate-600">
          {alert.reopenCount > 0 ? t("alerts.detail.reopenCount", { count: alert.reopenCount }) : null} {!alert.causePresent ? t("alerts.detail.causeGone") : null}
        </p>
      ) : null}

      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.actions.title")}</h3>
        {canHandle ? (
          <AlertActions alertId={alert.id} status={alert.status} assigneeId={alert.assigneeId} currentUserId={currentUserId} members={members} />
        ) : (
          <p className="text-slate-600">{t("alerts.actions.readOnly")}</p>
        )}
      </section>

      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.detail.rows")}</h3>
        {refs.length === 0 ? (
          <p className="text-slate-600">{t("alerts.detail.noRows")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-xs" data-testid="alert-refs">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">{t("alerts.detail.side")}</th>
                  <th className="py-1 pr-3 font-medium">{t("alerts.detail.reference")}</th>
                  <th className="py-1 pr-3 font-medium">{t("alerts.detail.file")}</th>
                  <th className="py-1 pr-3 text-right font-medium">{t("alerts.detail.row")}</th>
                  <th className="py-1 font-medium" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {refs.map((ref) => {
                  const href = alertRefHref(ref, alert);
                  return (
                    <tr key={`${ref.side}:${ref.rowId}`} data-testid="alert-ref">
                      <td className="py-1 pr-3 whitespace-nowrap">{t(`alerts.sides.${ref.side}`)}</td>
                      <td className="py-1 pr-3 font-mono">{ref.ref ?? "—"}</td>
                      <td className="max-w-64 truncate py-1 pr-3" title={ref.file}>
                        {ref.file}
                      </td>
                      <td className="num py-1 pr-3 text-right">{ref.sourceRow}</td>
                      <td className="py-1">
                        {href ? (
                          <Link href={href} className="text-brand-700 hover:underline">
                            {t("alerts.detail.view")}
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {totalRows > refs.length ? <p className="mt-1 text-xs text-slate-500">{t("alerts.detail.moreRows", { count: totalRows, shown: refs.length })}</p> : null}
          </div>
        )}
      </section>

      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.detail.history")}</h3>
        {history.length === 0 ? (
          <p className="text-slate-600">{t("alerts.detail.noHistory")}</p>
        ) : (
          <ol className="space-y-1.5" data-testid="alert-history">
            {history.map((entry, index) => (
              <li key={index} className="flex flex-wrap gap-x-2 text-slate-700">
                <span className="num text-xs text-slate-500">{when(entry.at)}</span>
                <span className="font-medium">{entry.actorName ?? t("alerts.detail.system")}</span>
                <span>{t(`alerts.detail.historyActions.${entry.action}`, { name: entry.assigneeName ?? "" })}</span>
                {entry.note ? <span className="text-slate-600">“{entry.note}”</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
