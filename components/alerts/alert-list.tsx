"use client";
// The 风险预警 list: the one dense table (sort, page and rows per page in the URL, the count from
// the server, the layout remembered under "alerts.list"). The sentence opens the alert's drawer
// (?alert=<id>), where it is handled.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import type { AlertRow } from "@/lib/alerts/list-alerts";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { AlertStatusBadge, SeverityBadge } from "./alert-badges";

/** A row as the list shows it: the server writes its words (sentence, names, local times). */
export type AlertListRow = Omit<AlertRow, "facts" | "firstSeenAt" | "lastSeenAt" | "closedAt"> & {
  typeName: string;
  message: string;
  severityLabel: string;
  statusLabel: string;
  owner: string;
  firstSeen: string;
  lastSeen: string;
};

export function AlertList({
  rows,
  paging,
  preference,
  emptyText,
}: {
  rows: AlertListRow[];
  paging: { page: number; pages: number; total: number; pageSize: number };
  preference: TablePreference;
  emptyText: string;
}) {
  const t = useTranslations("alerts");
  const pathname = usePathname();
  const search = useSearchParams();
  const openHref = (row: AlertListRow) => {
    const next = new URLSearchParams(search.toString());
    next.set("alert", row.id);
    return `${pathname}?${next.toString()}`;
  };

  const columns: DataColumn<AlertListRow>[] = [
    {
      id: "severity",
      header: t("columns.severity"),
      type: "text",
      value: (row) => row.severityLabel,
      cell: (row) => <SeverityBadge severity={row.severity} label={row.severityLabel} />,
      sortable: true,
      size: 64,
    },
    { id: "type", header: t("columns.type"), type: "text", value: (row) => row.typeName, sortable: true, size: 120 },
    {
      id: "message",
      header: t("columns.message"),
      type: "text",
      value: (row) => row.message,
      hideable: false,
      size: 380,
      cell: (row) => (
        <Link href={openHref(row)} scroll={false} className="text-brand-700 hover:underline" data-testid="open-alert">
          {row.message}
        </Link>
      ),
    },
    { id: "owner", header: t("columns.owner"), type: "text", value: (row) => row.owner, size: 130 },
    { id: "amount", header: t("columns.amount"), type: "money", value: (row) => row.amountMinor, currency: (row) => row.currency, sortable: true, size: 110 },
    { id: "day", header: t("columns.day"), type: "date", value: (row) => row.day, sortable: true, size: 92 },
    {
      id: "status",
      header: t("columns.status"),
      type: "text",
      value: (row) => row.statusLabel,
      cell: (row) => <AlertStatusBadge status={row.status} label={row.statusLabel} />,
      sortable: true,
      size: 76,
    },
    { id: "assignee", header: t("columns.assignee"), type: "text", value: (row) => row.assigneeName, size: 90 },
    { id: "firstSeen", header: t("columns.firstSeen"), type: "date", value: (row) => row.firstSeen.slice(0, 16), sortable: true, size: 124 },
    { id: "lastSeen", header: t("columns.lastSeen"), type: "date", value: (row) => row.lastSeen.slice(0, 16), sortable: true, size: 124 },
  ];

  return (
    <DataTable
      tableKey="alerts.list"
      testId="alert"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      paging={paging}
      preference={preference}
      emptyText={emptyText}
      rowAttributes={(row) => ({ "data-testid": "alert-row", "data-alert-id": row.id, "data-alert-type": row.type, "data-alert-status": row.status })}
    />
  );
}
