"use client";
// The one dense table every list uses (对账 workspace now; 回款管理, 报表, 分析 next): one row per
// line, fixed columns typed for alignment and formatting, sortable headers, a sticky header, a 合计
// row and subtotals computed by the server over the whole filtered set, rows per page (50 / 100 /
// 500), resizable and hideable columns remembered per person, full text on hover, expandable rows,
// row selection with running totals, keyboard navigation.
//
// TanStack Table holds the column model and the sorting, selection, sizing, visibility and
// expansion state; this file only renders it. Sorting and paging are manual: the server orders and
// cuts the whole list (100k+ rows), the table never sorts or sums the visible page.
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowExpandingFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type ExpandedState,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { saveTablePreferenceAction } from "@/lib/actions/table-preferences/save";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { callAction } from "@/components/reconcile/call-action";
import { useListKeys } from "@/components/reconcile/use-list-keys";
import { alignOf, formatCell, isSummed, sumColumn, type CellValue, type DataColumn } from "./columns";
import { ColumnMenu } from "./column-menu";
import { TablePager, type TablePaging } from "./table-pager";
export type { TablePaging };
import { useTableUrl } from "./table-url";

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature, rowExpandingFeature, columnVisibilityFeature, columnSizingFeature, columnResizingFeature });
type Features = typeof features;

/** A sums row (合计, a store's subtotal): a label and values by column id, summed by the server. */
export type SumRow = { label: string; values: Record<string, CellValue> };

export type DataTableProps<Row extends RowData> = {
  /** Names the list for the remembered layout ("groups.proposals", "unmatched.left.orders"). */
  tableKey: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowId: (row: Row) => string;
  /** Prefix of this table's URL parameters when a page holds two tables. */
  paramPrefix?: string;
  paging: TablePaging;
  preference: TablePreference;
  totals?: SumRow;
  subtotals?: SumRow[];
  emptyText: string;
  /** Controlled selection: the page keeps it (it acts on it); omitted, rows cannot be selected. */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void; canSelect?: (row: Row) => boolean; label: (row: Row) => string };
  /** Controlled focus when the page has its own keys (two tables side by side); else the table moves it. */
  focus?: { index: number; onChange: (index: number) => void; active: boolean };
  renderExpanded?: (row: Row) => ReactNode;
  rowAttributes?: (row: Row) => Record<string, string | undefined>;
  /** Names the table (`<testId>-table`) and its body (`<testId>-rows`) for tests. */
  testId?: string;
  toolbar?: ReactNode;
  /** Without its own frame, inside a card that already has one. */
  framed?: boolean;
  /** Caps the scrolling area (a pane beside another), so header and totals stay in view. */
  maxHeight?: string;
};

export function DataTable<Row extends RowData>(props: DataTableProps<Row>) {
  const { columns, rows, rowId, selection, renderExpanded, preference, tableKey } = props;
  const t = useTranslations("dataTable");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const url = useTableUrl(props.paramPrefix);

  const [sizing, setSizing] = useState<ColumnSizingState>(preference.widths);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(Object.fromEntries(preference.hidden.map((id) => [id, false])));
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const [ownFocus, setOwnFocus] = useState(0);
  const layout = useRef({ widths: preference.widths, hidden: preference.hidden, pageSize: preference.pageSize });

  const remember = (change: Partial<TablePreference>) => {
    layout.current = { ...layout.current, ...change };
    void callAction(saveTablePreferenceAction, { payload: JSON.stringify({ tableKey, ...layout.current }) });
  };

  const sortColumn = url.get("sort");
  const sorting: SortingState = sortColumn ? [{ id: sortColumn, desc: url.get("dir") === "desc" }] : [];
  const rowSelection: RowSelectionState = useMemo(() => Object.fromEntries([...(selection?.selected ?? [])].map((id) => [id, true])), [selection?.selected]);

  const definitions = useMemo<ColumnDef<Features, Row>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        accessorFn: (row: Row) => column.value(row) as never,
        header: column.header,
        size: column.size ?? (column.type === "money" ? 120 : column.type === "date" ? 96 : column.type === "text" ? 160 : 80),
        minSize: 48,
        enableSorting: Boolean(column.sortable),
        enableHiding: column.hideable !== false,
      })),
    [columns],
  );

  const table = useTable({
    features,
    columns: definitions,
    data: rows,
    getRowId: (row: Row) => rowId(row),
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, rowSelection, columnSizing: sizing, columnVisibility: visibility, expanded },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      url.go({ sort: first?.id, dir: first ? (first.desc ? "desc" : "asc") : undefined, page: undefined });
    },
    enableRowSelection: (row) => (selection?.canSelect ? selection.canSelect(row.original) : Boolean(selection)),
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      const next = typeof updater === "function" ? updater(rowSelection) : updater;
      selection?.onChange(new Set(Object.keys(next).filter((id) => next[id])));
    },
    columnResizeMode: "onChange",
    onColumnSizingChange: setSizing,
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = typeof updater === "function" ? updater(visibility) : updater;
      setVisibility(next);
      remember({ hidden: Object.keys(next).filter((id) => next[id] === false) });
    },
    getRowCanExpand: () => Boolean(renderExpanded),
    onExpandedChange: setExpanded,
  });

  // Widths are saved once a drag ends, not on every pixel.
  const sizingNow = useRef(sizing);
  useEffect(() => {
    sizingNow.current = sizing;
  }, [sizing]);
  const startResize = (handler: (event: unknown) => void) => (event: React.MouseEvent | React.TouchEvent) => {
    handler(event);
    const end = () => {
      document.removeEventListener("mouseup", end);
      document.removeEventListener("touchend", end);
      setTimeout(() => remember({ widths: Object.fromEntries(Object.entries(sizingNow.current).map(([id, width]) => [id, Math.round(width)])) }), 0);
    };
    document.addEventListener("mouseup", end);
    document.addEventListener("touchend", end);
  };

  const tableRows = table.getRowModel().rows;
  const focusIndex = props.focus ? props.focus.index : ownFocus;
  const setFocus = (index: number) => (props.focus ? props.focus.onChange(index) : setOwnFocus(index));
  const focusedRow = tableRows[focusIndex];
  const keys = useMemo(() => {
    const move = (delta: number) => setFocus(Math.max(0, Math.min(tableRows.length - 1, focusIndex + delta)));
    const own = props.focus
      ? {}
      : {
          ArrowDown: () => move(1),
          j: () => move(1),
          ArrowUp: () => move(-1),
          k: () => move(-1),
          x: () => focusedRow?.getCanSelect() && focusedRow.toggleSelected(),
          " ": () => focusedRow?.getCanSelect() && focusedRow.toggleSelected(),
        };
    // "o" opens the focused row; not Enter, which belongs to whatever button has the focus.
    return { ...own, ...(renderExpanded ? { o: () => focusedRow?.toggleExpanded() } : {}) } as Record<string, () => void>;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the handlers read this render's rows and focus
  }, [tableRows, focusIndex, props.focus, renderExpanded]);
  useListKeys(keys, props.focus ? props.focus.active : true);

  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.querySelector<HTMLElement>(`[data-row-index="${focusIndex}"]`)?.scrollIntoView({ block: "nearest" });
  }, [focusIndex]);

  const visibleColumns = table.getVisibleLeafColumns();
  const byId = new Map(columns.map((column) => [column.id, column]));
  const leading = (selection ? 1 : 0) + (renderExpanded ? 1 : 0);
  const chosen = tableRows.filter((row) => row.getIsSelected()).map((row) => row.original);
  const width = visibleColumns.reduce((sum, column) => sum + column.getSize(), 0) + leading * 28;

  const sumCells = (sums: SumRow, key: string, className: string) => (
    <tr key={key} className={className} data-testid={key === "totals" ? "table-totals" : key === "selected" ? "table-selected" : "table-subtotal"}>
      {leading > 0 ? <td colSpan={leading} /> : null}
      {visibleColumns.map((column, index) => {
        const definition = byId.get(column.id)!;
        // A null sum (a rate with no base) is an empty cell, like a missing one.
        const value = sums.values[column.id] ?? undefined;
        const text = value !== undefined ? formatCell(isSummed(definition.type) || definition.type === "percent" ? definition.type : "text", value, locale) : index === 0 ? sums.label : "";
        return (
          // The label may run on over the empty cells beside it ("合计（242 行）" in a date column).
          <td
            key={column.id}
            data-column={column.id}
            className={`px-1.5 py-1 whitespace-nowrap ${value !== undefined ? `truncate ${alignOf(definition.type) === "right" ? "text-right" : ""}` : "overflow-visible"}`}
            title={text}
          >
            {index === 0 && value !== undefined ? `${sums.label} ${text}` : text}
          </td>
        );
      })}
    </tr>
  );

  const selectedSums: SumRow | null =
    chosen.length > 0
      ? { label: t("selected", { count: chosen.length }), values: Object.fromEntries(columns.filter((column) => isSummed(column.type) && column.type === "money").map((column) => [column.id, sumColumn(column, chosen)])) }
      : null;

  return (
    <div className={`min-w-0 bg-white ${props.framed === false ? "" : "rounded-lg ring-1 ring-slate-200"}`} data-testid={props.testId ? `${props.testId}-table` : undefined} data-table={tableKey}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-2 py-1.5">
        {props.toolbar}
        <span className="ml-auto">
          <ColumnMenu columns={table.getAllLeafColumns().map((column) => ({ id: column.id, header: byId.get(column.id)?.header ?? column.id, visible: column.getIsVisible(), canHide: column.getCanHide(), toggle: (value: boolean) => column.toggleVisibility(value) }))} />
        </span>
      </div>
      <div className="overflow-auto" style={{ maxHeight: props.maxHeight ?? "70vh" }}>
        <table className="num table-fixed border-separate border-spacing-0 text-xs" style={{ width, minWidth: "100%" }}>
          <colgroup>
            {selection ? <col style={{ width: 28 }} /> : null}
            {renderExpanded ? <col style={{ width: 28 }} /> : null}
            {visibleColumns.map((column) => (
              <col key={column.id} style={{ width: column.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selection ? (
                  <th className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-2 py-1">
                    <input
                      type="checkbox"
                      className="size-3.5 rounded border-slate-300"
                      aria-label={t("selectPage")}
                      checked={table.getIsAllRowsSelected()}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                    />
                  </th>
                ) : null}
                {renderExpanded ? <th className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50" aria-label={t("expand")} /> : null}
                {group.headers.map((header) => {
                  const definition = byId.get(header.column.id)!;
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      data-column={header.column.id}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`group relative sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-1.5 py-1 font-medium text-slate-600 ${alignOf(definition.type) === "right" ? "text-right" : "text-left"}`}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="inline-flex max-w-full items-center gap-0.5 truncate hover:text-slate-900" onClick={header.column.getToggleSortingHandler()} title={t("sortBy", { column: definition.header })}>
                          <span className="truncate">{definition.header}</span>
                          <span aria-hidden className="text-slate-400">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <span className="block truncate" title={definition.header}>
                          {definition.header}
                        </span>
                      )}
                      <span
                        role="separator"
                        aria-orientation="vertical"
                        aria-label={t("resize", { column: definition.header })}
                        data-testid={`resize-${header.column.id}`}
                        onMouseDown={startResize(header.getResizeHandler())}
                        onTouchStart={startResize(header.getResizeHandler())}
                        className={`absolute top-0 right-0 h-full w-1.5 cursor-col-resize select-none touch-none ${header.column.getIsResizing() ? "bg-brand-500" : "group-hover:bg-slate-300"}`}
                      />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={body} data-testid={props.testId ? `${props.testId}-rows` : undefined}>
            {tableRows.length === 0 ? (
              <tr>
                <td colSpan={leading + visibleColumns.length} className="px-3 py-6 text-center text-sm text-slate-500">
                  {props.emptyText}
                </td>
              </tr>
            ) : null}
            {tableRows.map((row, index) => {
              const focused = index === focusIndex && (props.focus ? props.focus.active : true);
              const selected = row.getIsSelected();
              return (
                <Fragment key={row.id}>
                  <tr
                    data-row-index={index}
                    aria-selected={selected}
                    onClick={() => setFocus(index)}
                    {...props.rowAttributes?.(row.original)}
                    className={`${selected ? "bg-brand-50" : index % 2 === 1 ? "bg-slate-50/50" : ""} ${focused ? "outline-2 -outline-offset-2 outline-brand-500" : ""} hover:bg-brand-50/50`}
                  >
                    {selection ? (
                      <td className="border-b border-slate-100 px-2 py-0.5">
                        {row.getCanSelect() ? (
                          <input type="checkbox" className="size-3.5 rounded border-slate-300" checked={selected} onChange={row.getToggleSelectedHandler()} aria-label={selection.label(row.original)} />
                        ) : null}
                      </td>
                    ) : null}
                    {renderExpanded ? (
                      <td className="border-b border-slate-100 text-center">
                        <button
                          type="button"
                          className="px-1 text-slate-500 hover:text-slate-900"
                          aria-expanded={row.getIsExpanded()}
                          aria-label={row.getIsExpanded() ? t("collapse") : t("expand")}
                          onClick={row.getToggleExpandedHandler()}
                        >
                          {row.getIsExpanded() ? "▾" : "▸"}
                        </button>
                      </td>
                    ) : null}
                    {row.getVisibleCells().map((cell) => {
                      const definition = byId.get(cell.column.id)!;
                      const text = formatCell(definition.type, definition.value(row.original), locale, definition.currency?.(row.original));
                      return (
                        <td
                          key={cell.id}
                          data-column={cell.column.id}
                          title={definition.title ? definition.title(row.original) : text || undefined}
                          className={`truncate border-b border-slate-100 px-1.5 py-0.5 whitespace-nowrap ${alignOf(definition.type) === "right" ? "text-right" : ""}`}
                        >
                          {definition.cell ? definition.cell(row.original) : text}
                        </td>
                      );
                    })}
                  </tr>
                  {renderExpanded && row.getIsExpanded() ? (
                    <tr data-testid="expanded-row">
                      <td colSpan={leading + visibleColumns.length} className="border-b border-slate-200 bg-slate-50 px-3 py-2">
                        {renderExpanded(row.original)}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            {selectedSums ? sumCells(selectedSums, "selected", "bg-brand-50 text-brand-900") : null}
            {(props.subtotals ?? []).map((sub, index) => sumCells(sub, `subtotal-${index}`, "bg-slate-50 text-slate-700"))}
            {props.totals ? sumCells(props.totals, "totals", "sticky bottom-0 bg-slate-100 font-semibold text-slate-900") : null}
          </tfoot>
        </table>
      </div>
      <TablePager
        paging={props.paging}
        onPage={(page) => url.go({ page: page > 1 ? String(page) : undefined })}
        onPageSize={(size) => {
          url.go({ size: String(size), page: undefined });
          remember({ pageSize: size });
        }}
      />
    </div>
  );
}
