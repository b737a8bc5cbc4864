"use client";
// The 回款管理 order list: the one dense table (sort, page and rows per page in the URL, 合计 over
// the whole filtered set from the server, remembered layout under "receivables.orders"). An order
// number opens the order's drawer. Those allowed to follow up pick orders and, for the whole pick
// in one call, assign an owner, set the next action date or the follow-up state.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import { callAction } from "@/components/reconcile/call-action";
import { useMoney } from "@/components/reconcile/use-money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { changeFollowUpsAction } from "@/lib/actions/receivables/follow-ups";
import type { ReceivablePage, ReceivableRow } from "@/lib/receivables/list-receivables";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { BulkFollowUpDialog, type BulkField } from "./bulk-follow-up-dialog";
import { daysText } from "./days-text";
import { orderParam } from "./receivable-links";
import { StatusBadge } from "./status-badge";

/** A row as the list shows it: the server adds the bucket's and the follow-up level's names. */
export type ReceivableListRow = ReceivableRow & { key: string; bucketLabel: string | null; levelLabel: string | null; levelAction: string | null };

import type { Member } from "./member";

const day = (value: string | null) => (value ? value.slice(0, 10) : null);

export function ReceivableList({
  rows,
  page,
  preference,
  canFollow,
  members,
  emptyText,
}: {
  rows: ReceivableListRow[];
  page: Omit<ReceivablePage, "rows">;
  preference: TablePreference;
  canFollow: boolean;
  members: Member[];
  emptyText: string;
}) {
  const t = useTranslations("receivables");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const { money } = useMoney();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<BulkField | null>(null);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  const chosen = useMemo(() => rows.filter((row) => selected.has(row.key)), [rows, selected]);
  const chosenOutstanding = chosen.reduce((sum, row) => sum + row.outstandingMinor, 0n);
  const openHref = (row: ReceivableRow) => {
    const next = new URLSearchParams(search.toString());
    next.set("order", orderParam(row.storeId, row.orderNo));
    return `${pathname}?${next.toString()}`;
  };

  const save = (change: Record<string, unknown>) =>
    startTransition(async () => {
      const payload = JSON.stringify({ orders: chosen.map((row) => ({ storeId: row.storeId, orderNo: row.orderNo })), ...change });
      const state = await callAction(changeFollowUpsAction, { payload });
      if (state.status === "ok") {
        setDialog(null);
        setError(undefined);
        setSelected(new Set());
        setMessage(t("list.saved", { count: state.data.orders }));
        router.refresh();
      } else if (state.status === "error") setError(state.message);
    });

  const columns: DataColumn<ReceivableListRow>[] = [
    { id: "store", header: t("columns.store"), type: "text", value: (row) => row.storeName, sortable: true, size: 120 },
    {
      id: "orderNo",
      header: t("columns.orderNo"),
      type: "text",
      value: (row) => row.orderNo,
      sortable: true,
      size: 170,
      hideable: false,
      cell: (row) => (
        <Link href={openHref(row)} scroll={false} className="font-mono text-brand-700 hover:underline" data-testid="open-order">
          {row.orderNo}
        </Link>
      ),
    },
    { id: "paidAt", header: t("columns.paidAt"), type: "date", value: (row) => day(row.paidAt), title: (row) => row.paidAt ?? undefined, sortable: true, size: 88 },
    { id: "confirmedAt", header: t("columns.confirmedAt"), type: "date", value: (row) => day(row.confirmedAt), title: (row) => row.confirmedAt ?? undefined, size: 88 },
    { id: "expectedOn", header: t("columns.expectedOn"), type: "date", value: (row) => row.expectedOn, sortable: true, size: 88 },
    { id: "paid", header: t("columns.paid"), type: "money", value: (row) => row.paidMinor, sortable: true, size: 100, currency: (row) => row.currency },
    { id: "refund", header: t("columns.refund"), type: "money", value: (row) => row.refundMinor, size: 90, currency: (row) => row.currency },
    { id: "fees", header: t("columns.fees"), type: "money", value: (row) => row.feesMinor, size: 90, currency: (row) => row.currency },
    { id: "settled", header: t("columns.settled"), type: "money", value: (row) => row.settledMinor, sortable: true, size: 100, currency: (row) => row.currency },
    { id: "received", header: t("columns.received"), type: "money", value: (row) => row.receivedMinor, sortable: true, size: 100, currency: (row) => row.currency },
    { id: "outstanding", header: t("columns.outstanding"), type: "money", value: (row) => row.outstandingMinor, sortable: true, size: 100, currency: (row) => row.currency },
    {
      id: "status",
      header: t("columns.status"),
      type: "text",
      value: (row) => t(`statuses.${row.status}`),
      cell: (row) => <StatusBadge status={row.status} label={t(`statuses.${row.status}`)} />,
      size: 96,
    },
    {
      id: "days",
      header: t("columns.days"),
      type: "text",
      value: (row) => daysText(row.days, t),
      cell: (row) => <span className={`block text-right ${row.days !== null && row.days > 0 ? "font-medium text-red-700" : "text-slate-600"}`}>{daysText(row.days, t)}</span>,
      sortable: true,
      size: 80,
    },
    { id: "bucket", header: t("columns.bucket"), type: "text", value: (row) => row.bucketLabel, size: 100 },
    { id: "level", header: t("columns.level"), type: "text", value: (row) => row.levelLabel, title: (row) => (row.levelAction ? `${row.levelLabel} · ${row.levelAction}` : (row.levelLabel ?? undefined)), size: 80 },
    { id: "owner", header: t("columns.owner"), type: "text", value: (row) => row.ownerName, size: 80 },
    { id: "nextActionOn", header: t("columns.nextActionOn"), type: "date", value: (row) => row.nextActionOn, sortable: true, size: 88 },
    { id: "followState", header: t("columns.followState"), type: "text", value: (row) => (row.followState ? t(`followStates.${row.followState}`) : ""), size: 72 },
  ];

  const totals = page.totals;
  return (
    <div className="space-y-3">
      {message ? <Alert tone="success">{message}</Alert> : null}
      <DataTable
        tableKey="receivables.orders"
        testId="receivable"
        columns={columns}
        rows={rows}
        rowId={(row) => row.key}
        paging={{ page: page.page, pages: page.pages, total: totals.count, pageSize: page.pageSize }}
        preference={preference}
        totals={{
          label: t("list.totalRow", { count: totals.count }),
          values: { paid: totals.paidMinor, refund: totals.refundMinor, fees: totals.feesMinor, settled: totals.settledMinor, received: totals.receivedMinor, outstanding: totals.outstandingMinor },
        }}
        emptyText={emptyText}
        selection={canFollow ? { selected, onChange: setSelected, label: (row) => `${row.storeName} ${row.orderNo}` } : undefined}
        rowAttributes={(row) => ({ "data-testid": "receivable-row", "data-order-no": row.orderNo, "data-store-id": row.storeId })}
        toolbar={
          canFollow ? (
            <div className="flex flex-wrap items-center gap-2" data-testid="follow-up-bar">
              <span className="num text-xs text-slate-600" data-testid="selection-summary">
                {t("list.selected", { count: chosen.length, amount: money(chosenOutstanding) })}
              </span>
              {(["owner", "nextActionOn", "state"] as const).map((field) => (
                <Button key={field} variant="secondary" className="px-2 py-0.5 text-xs" disabled={chosen.length === 0 || pending} onClick={() => setDialog(field)}>
                  {t(`bulk.${field}Button`)}
                </Button>
              ))}
            </div>
          ) : (
            <span className="text-xs text-slate-500">{t("list.openHint")}</span>
          )
        }
      />
      {dialog ? (
        <BulkFollowUpDialog
          field={dialog}
          count={chosen.length}
          members={members}
          pending={pending}
          error={error}
          onClose={() => {
            setDialog(null);
            setError(undefined);
          }}
          onSubmit={save}
        />
      ) : null}
    </div>
  );
}
