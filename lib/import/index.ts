// Public surface of the import core. Everything is pure and database-free.
export { parseImportFile, type ImportInput, type OpenedImport, type ParseImportOptions, type ImportFormatInfo } from "./parse-import-file";
export { parseImportBuffer, type ImportResult, type ParseImportBufferOptions } from "./parse-import-buffer";
export type { FailedImport } from "./pipeline/opened-table";
export type { ImportBatch, ImportStats } from "./normalize/normalize-rows";
export { formatImportError, IMPORT_ERROR_CODES } from "./error-messages";
export { DEFAULT_IMPORT_LIMITS, isFileRefusal, type ImportLimits } from "./limits";
export { listFormats, findFormat } from "./formats/registry";
export type { FormatAdapter, AnyFormatAdapter, RowDraft } from "./formats/format-adapter";
export { applyColumnMapping, columnMappingSchema, type ColumnMapping, type MappedFormat } from "./column-mapping/apply-column-mapping";
export { headerSignature } from "./column-mapping/header-signature";
export { sniffFileType } from "./decode/sniff-file-type";
export { decodeTextBuffer, decodeTextStream } from "./decode/decode-text-stream";
export type { TextEncoding } from "./decode/detect-text-encoding";
export { checkZipBomb, checkZipDeclaredSizes, DEFAULT_ZIP_BOMB_LIMITS, type ZipBombLimits } from "./decode/check-zip-bomb";
export { readDelimitedRows } from "./read-table/read-delimited-rows";
export { findHeaderRow } from "./header/find-header-row";
export { parseDateTime } from "./normalize/parse-date-time";
export type * from "./types";
