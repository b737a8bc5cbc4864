export type { ColumnType, ExportColumn, ExportFilter, ExportLocale, ExportRow, ExportTable, ExportValue } from "./export-table";
export { writeXlsx, EXCEL_MAX_ROWS, type XlsxOptions, type XlsxResult } from "./write-xlsx";
export { writePdf, checkPdfRowCount, DEFAULT_PDF_MAX_ROWS, type PdfOptions, type PdfResult } from "./write-pdf";
