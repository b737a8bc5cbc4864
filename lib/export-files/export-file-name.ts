// The download's name: the report's title and when it was made, in the company's clock
// ("已匹配_2026-12-04_1432.xlsx"), with nothing a file system or a header could trip on.
import { formatLocalDateTime } from "@/lib/shared/local-time";

export const EXPORT_EXTENSIONS = { XLSX: "xlsx", PDF: "pdf" } as const;
export const EXPORT_CONTENT_TYPES = {
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  PDF: "application/pdf",
} as const;

export function exportFileName(title: string, format: keyof typeof EXPORT_EXTENSIONS, at: Date, timeZone: string): string {
  const stamp = formatLocalDateTime(at, timeZone).slice(0, 16).replace(" ", "_").replace(":", "");
  const safeTitle = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").trim().slice(0, 80) || "export";
  return `${safeTitle}_${stamp}.${EXPORT_EXTENSIONS[format]}`;
}

/** Content-Disposition for any name: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
