// The PDF layout (see page-layout.ts for why the writer cuts lines and pages itself): A4 landscape;
// the title block on the first page; the header row at the top of every page; the rows; the totals
// row after the last row; "page X / Y" at the foot of each page. All text is real text in the
// embedded CJK font: selectable and searchable.
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ExportLabels } from "../export-labels";
import type { ExportColumn } from "../export-table";
import { CJK_FONT_FAMILY } from "./cjk-font";
import { PAGE, type Layout, type WrappedRow } from "./page-layout";

export type TableDocumentProps = {
  title: string;
  company: string;
  columns: ExportColumn[];
  layout: Layout;
  author: string;
  t: ExportLabels;
};

const GRID = "#cbd5e1";
// In points: a bare number would be a multiple of a font size react-pdf resolves before inheriting it.
const LINE_HEIGHT = `${PAGE.line}pt`;
const styles = StyleSheet.create({
  page: {
    fontFamily: CJK_FONT_FAMILY,
    fontSize: PAGE.fontSize,
    paddingTop: PAGE.paddingTop,
    paddingBottom: PAGE.paddingBottom,
    paddingHorizontal: PAGE.paddingX,
    color: "#0f172a",
  },
  title: { fontSize: PAGE.titleSize, lineHeight: `${PAGE.titleLine}pt`, fontWeight: 700, marginBottom: PAGE.titleGap },
  line: { flexDirection: "row", marginBottom: PAGE.titleLineGap, lineHeight: LINE_HEIGHT },
  lineLabel: { width: PAGE.titleLabelWidth, fontWeight: 700, color: "#475569" },
  lineValue: { flex: 1 },
  block: { marginBottom: PAGE.blockGap },
  header: {
    flexDirection: "row",
    backgroundColor: "#f1f5f9",
    borderBottomWidth: 1,
    borderBottomColor: "#94a3b8",
    fontWeight: 700,
    paddingVertical: PAGE.headerPaddingY,
  },
  totals: { flexDirection: "row", borderTopWidth: 1, borderTopColor: "#64748b", fontWeight: 700, paddingVertical: PAGE.headerPaddingY },
  body: { flexDirection: "row", position: "relative" },
  rule: { position: "absolute", left: 0, right: 0, height: 0.5, backgroundColor: GRID },
  // The fixed line height goes on the table's texts only: set on the page, react-pdf lost the
  // absolutely placed footer.
  cell: { paddingHorizontal: PAGE.cellPaddingX, lineHeight: LINE_HEIGHT },
  number: { textAlign: "right" },
  footer: {
    position: "absolute",
    bottom: 18,
    left: PAGE.paddingX,
    right: PAGE.paddingX,
    flexDirection: "row",
    justifyContent: "space-between",
    color: "#64748b",
    fontSize: 7,
  },
});

const isNumeric = (column: ExportColumn) => column.type === "money" || column.type === "integer" || column.type === "percent";

/** A line that must not collapse: an empty line of a shorter cell keeps its row's height. */
const BLANK = "\u00a0";

function RowCells({ row, columns, widths }: { row: WrappedRow; columns: ExportColumn[]; widths: number[] }) {
  return row.cells.map((lines, i) => (
    <Text key={i} style={[styles.cell, { width: widths[i] }, isNumeric(columns[i]!) ? styles.number : {}]}>
      {lines.join("\n") || BLANK}
    </Text>
  ));
}

/** A page's rows as one text per column, each row padded to its height with blank lines. */
function Body({ rows, columns, widths, lines }: { rows: WrappedRow[]; columns: ExportColumn[]; widths: number[]; lines: number }) {
  const rules: number[] = [];
  let y = 0;
  for (const row of rows) {
    y += row.lines * PAGE.line;
    rules.push(y);
  }
  return (
    <View style={[styles.body, { height: lines * PAGE.line }]}>
      {rules.map((top) => (
        <View key={top} style={[styles.rule, { top: top - 0.5 }]} />
      ))}
      {columns.map((column, i) => {
        const text = rows
          .map((row) => {
            const cell = row.cells[i]!;
            const padded = cell.map((line) => line || BLANK);
            while (padded.length < row.lines) padded.push(BLANK);
            return padded.join("\n");
          })
          .join("\n");
        return (
          <Text key={column.key} style={[styles.cell, { width: widths[i] }, isNumeric(column) ? styles.number : {}]}>
            {text}
          </Text>
        );
      })}
    </View>
  );
}

export function TableDocument({ title, company, columns, layout, author, t }: TableDocumentProps) {
  const { widths, pages } = layout;
  return (
    <Document title={title} author={author} creator={author} producer="回款对账">
      {pages.map((page, p) => (
        <Page key={p} size="A4" orientation="landscape" style={styles.page}>
          {p === 0 && (
            <View style={styles.block}>
              <Text style={styles.title}>{title}</Text>
              {layout.titleLines.map((line) => (
                <View key={line.label} style={styles.line}>
                  <Text style={styles.lineLabel}>{line.label}</Text>
                  <Text style={styles.lineValue}>{line.lines.join("\n")}</Text>
                </View>
              ))}
            </View>
          )}
          <View style={styles.header}>
            <RowCells row={layout.header} columns={columns} widths={widths} />
          </View>
          {page.rows.length > 0 && <Body rows={page.rows} columns={columns} widths={widths} lines={page.lines} />}
          {p === pages.length - 1 && (
            <View style={styles.totals}>
              <RowCells row={layout.totals} columns={layout.totalsColumns.map((i) => columns[i]!)} widths={layout.totalsWidths} />
            </View>
          )}
          <View style={styles.footer} fixed>
            <Text>{`${title} · ${company}`}</Text>
            <Text render={({ pageNumber, totalPages }) => t("pageOf", { page: pageNumber, pages: totalPages })} />
          </View>
        </Page>
      ))}
    </Document>
  );
}
