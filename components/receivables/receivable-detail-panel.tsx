// One order in the drawer: its status and the reason in words, the money along its chain (paid →
// refunds → each fee → settled → withdrawn → received → outstanding), its dates, the export rows it
// came from (file and row), every group along the chain as the workspace shows them, a link into
// the workspace, and its follow-up with the notes.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { GroupDetail } from "@/components/reconcile/group-detail";
import { formatMinor } from "@/lib/money";
import type { ReceivableDetail } from "@/lib/receivables/receivable-detail";
import { reasonText } from "@/lib/receivables/reason-text";
import { daysText } from "./days-text";
import { FollowUpForm } from "./follow-up-form";
import { WriteOffForm } from "./write-off-form";
import { FollowUpNotes, type NoteView } from "./follow-up-notes";
import type { Member } from "./member";
import { StatusBadge } from "./status-badge";

const SECTION_TITLE = "mb-2 text-sm font-semibold text-slate-800";
/** Orders whose money is not (all) settled yet: what a write-off can take (lib/match-review/write-off-order.ts). */
const WRITE_OFF_STATUSES = new Set(["NOT_DUE", "OVERDUE", "PARTIAL", "DIFFERENCE"]);

export async function ReceivableDetailPanel({
  detail,
  notes,
  members,
  canFollow,
  canWriteOff,
  level,
}: {
  detail: ReceivableDetail;
  notes: NoteView[];
  members: Member[];
  canFollow: boolean;
  /** May book a write-off (the workspace's match permission); offered while money is still to come. */
  canWriteOff: boolean;
  level: { label: string; action: string | null } | null;
}) {
  const [t, tw, locale] = await Promise.all([getTranslations("receivables"), getTranslations("workspace"), getLocale()]);
  const row = detail.row;
  const money = (value: bigint) => formatMinor(value, row.currency, locale === "en" ? "en" : "zh-CN");
  const reason = reasonText(await getTranslations("receivables.reasons"), locale === "en" ? "en" : "zh-CN", row);

  // The chain, top to bottom: what the buyer paid, what came off it, what the platform credited, and where that money is.
  const lines: { key: string; value: bigint; sign?: "−"; strong?: boolean; hideZero?: boolean }[] = [
    { key: "paid", value: row.paidMinor, strong: true },
    { key: "refund", value: row.refundMinor, sign: "−" },
    { key: "commission", value: row.commissionMinor, sign: "−", hideZero: true },
    { key: "serviceFee", value: row.serviceFeeMinor, sign: "−", hideZero: true },
    { key: "promotion", value: row.promotionMinor, sign: "−", hideZero: true },
    { key: "otherFees", value: row.otherFeesMinor, sign: "−", hideZero: true },
    { key: "badDebt", value: row.badDebtMinor, sign: "−", hideZero: true },
    { key: "settled", value: row.settledMinor, strong: true },
    { key: "withdrawn", value: row.withdrawnMinor },
    { key: "received", value: row.receivedMinor, strong: true },
    { key: "difference", value: row.differenceMinor, hideZero: true },
    { key: "outstanding", value: row.outstandingMinor, strong: true },
  ];
  const dates: [string, string | null][] = [
    ["paidAt", row.paidAt],
    ["confirmedAt", row.confirmedAt],
    ["expectedOn", row.expectedOn ? `${row.expectedOn}${row.expectedBasis ? ` · ${t(`drawer.basis.${row.expectedBasis}`, { terms: row.termsDays, auto: row.autoConfirmDays })}` : ""}` : null],
    ["settledOn", row.settledOn],
    ["receivedOn", row.receivedOn],
  ];
  const firstGroup = detail.groups.find((group) => group.status === "CONFIRMED") ?? detail.groups[0];
  const unmatchedHref = `/reconcile/unmatched?${new URLSearchParams({ left: "orders", lowner: row.storeId, lq: row.orderNo }).toString()}`;
  const matchedHref = firstGroup?.day ? `/reconcile/matched?${new URLSearchParams({ store: row.storeId, from: firstGroup.day, to: firstGroup.day }).toString()}` : `/reconcile/matched?store=${row.storeId}`;

  return (
    <>
      <section className="space-y-1.5" data-testid="drawer-status">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={row.status} label={t(`statuses.${row.status}`)} />
          {row.days !== null ? <span className={`text-xs ${row.days > 0 ? "font-medium text-red-700" : "text-slate-600"}`}>{daysText(row.days, t)}</span> : null}
          {level ? (
            <span className="rounded bg-red-50 px-1.5 py-px text-xs text-red-700" title={level.action ?? undefined}>
              {t("drawer.level", { level: level.label })}
            </span>
          ) : null}
        </div>
        <p className="text-sm text-slate-700" data-testid="drawer-reason">
          {reason}
        </p>
        {level?.action ? <p className="text-xs text-slate-500">{level.action}</p> : null}
      </section>

      <section>
        <h3 className={SECTION_TITLE}>{t("drawer.chain")}</h3>
        <dl className="num divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="drawer-chain">
          {lines
            .filter((line) => !(line.hideZero && line.value === 0n))
            .map((line) => (
              <div key={line.key} className={`flex items-center justify-between gap-3 px-3 py-1 text-sm ${line.key === "outstanding" ? "bg-slate-50" : ""}`} data-line={line.key}>
                <dt className={line.sign ? "pl-3 text-slate-500" : "text-slate-700"}>
                  {line.sign ? `${line.sign} ` : ""}
                  {t(`drawer.lines.${line.key}`)}
                </dt>
                <dd className={`text-right ${line.strong ? "font-semibold text-slate-900" : "text-slate-700"} ${line.key === "outstanding" && line.value > 0n ? "text-red-700" : ""}`}>{money(line.value)}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section>
        <h3 className={SECTION_TITLE}>{t("drawer.dates")}</h3>
        <dl className="num grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {dates.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-500">{t(`drawer.dateLabels.${key}`)}</dt>
              <dd className="text-slate-800">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section>
        <h3 className={SECTION_TITLE}>{t("drawer.rows", { count: detail.orders.length })}</h3>
        <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
          <table className="num w-full text-xs whitespace-nowrap" data-testid="drawer-rows">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-2 py-1 text-left font-medium">{t("drawer.rowColumns.source")}</th>
                <th className="px-2 py-1 text-left font-medium">{t("drawer.rowColumns.subOrderNo")}</th>
                <th className="px-2 py-1 text-left font-medium">{t("drawer.rowColumns.status")}</th>
                <th className="px-2 py-1 text-right font-medium">{t("drawer.rowColumns.paid")}</th>
                <th className="px-2 py-1 text-right font-medium">{t("drawer.rowColumns.refund")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {detail.orders.map((order) => (
                <tr key={order.id}>
                  <td className="max-w-56 truncate px-2 py-1 text-slate-700" title={tw("sourceRow", { file: order.file, row: order.sourceRow })}>
                    {tw("sourceRow", { file: order.file, row: order.sourceRow })}
                  </td>
                  <td className="px-2 py-1 font-mono text-slate-600">{order.subOrderNo ?? "—"}</td>
                  <td className="px-2 py-1 text-slate-600">{order.status ?? "—"}</td>
                  <td className="px-2 py-1 text-right">{money(order.paidMinor)}</td>
                  <td className="px-2 py-1 text-right">{money(order.refundMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-sm font-semibold text-slate-800">{t("drawer.groups", { count: detail.groups.length })}</h3>
          <span className="flex gap-3 text-xs">
            {detail.groups.length > 0 ? (
              <Link href={matchedHref} className="text-brand-700 hover:underline" data-testid="workspace-link">
                {t("drawer.openMatched")}
              </Link>
            ) : null}
            <Link href={unmatchedHref} className="text-brand-700 hover:underline" data-testid={detail.groups.length > 0 ? undefined : "workspace-link"}>
              {t("drawer.openUnmatched")}
            </Link>
          </span>
        </div>
        {detail.groups.length === 0 ? (
          <p className="text-sm text-slate-500">{t("drawer.noGroups")}</p>
        ) : (
          <ol className="space-y-3" data-testid="drawer-groups">
            {detail.groups.map((group) => (
              <li key={group.id} className="rounded-md p-2 ring-1 ring-slate-200">
                <p className="num mb-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
                  <span className={group.status === "CONFIRMED" ? "font-medium text-emerald-700" : "font-medium text-amber-700"}>{tw(`statuses.${group.status}`)}</span>
                  <span>{tw.has(`rules.${group.rule}`) ? tw(`rules.${group.rule}`) : group.rule}</span>
                  <span>{group.day ?? ""}</span>
                  <span className="ml-auto font-medium text-slate-900">{money(group.amountMinor)}</span>
                </p>
                <GroupDetail group={group} notes={[]} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section>
        <h3 className={SECTION_TITLE}>{t("drawer.followUp")}</h3>
        {canFollow ? (
          <FollowUpForm
            storeId={row.storeId}
            orderNo={row.orderNo}
            ownerId={row.ownerId}
            nextActionOn={row.nextActionOn}
            state={row.followState}
            members={members}
          />
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("drawer.owner")}</dt>
            <dd>{row.ownerName ?? t("filters.noOwner")}</dd>
            <dt className="text-slate-500">{t("drawer.nextActionOn")}</dt>
            <dd className="num">{row.nextActionOn ?? "—"}</dd>
            <dt className="text-slate-500">{t("drawer.state")}</dt>
            <dd>{t(`followStates.${row.followState ?? "OPEN"}`)}</dd>
          </dl>
        )}
      </section>

      {canWriteOff && row.outstandingMinor > 0n && WRITE_OFF_STATUSES.has(row.status) ? (
        <section>
          <h3 className={SECTION_TITLE}>{t("writeOff.title")}</h3>
          <WriteOffForm storeId={row.storeId} orderNo={row.orderNo} amount={money(row.outstandingMinor)} />
        </section>
      ) : null}

      <section>
        <h3 className={SECTION_TITLE}>{t("drawer.notes")}</h3>
        <FollowUpNotes storeId={row.storeId} orderNo={row.orderNo} notes={notes} canAdd={canFollow} />
      </section>
    </>
  );
}
