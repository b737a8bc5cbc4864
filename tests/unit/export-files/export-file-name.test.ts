import { describe, expect, it } from "vitest";
import { attachmentHeader, exportFileName } from "@/lib/export-files/export-file-name";
import { exportParamsOf } from "@/lib/export-files/request-export";
import { formatFileSize } from "@/lib/shared/file-size";

describe("export file names", () => {
  it("names the file by its report and the company's clock, without characters a file system refuses", () => {
    // 06:32 UTC is 14:32 in Shanghai.
    expect(exportFileName("已匹配", "XLSX", new Date("2026-12-04T06:32:10Z"), "Asia/Shanghai")).toBe("已匹配_2026-12-04_1432.xlsx");
    expect(exportFileName('月结报告 2026/11: "草稿"', "PDF", new Date("2026-12-04T06:32:10Z"), "Asia/Shanghai")).toBe("月结报告 2026_11_ _草稿__2026-12-04_1432.pdf");
  });

  it("sends the Chinese name as UTF-8 with an ASCII fallback", () => {
    expect(attachmentHeader("已匹配_2026-12-04_1432.xlsx")).toBe(`attachment; filename="____2026-12-04_1432.xlsx"; filename*=UTF-8''%E5%B7%B2%E5%8C%B9%E9%85%8D_2026-12-04_1432.xlsx`);
  });

  it("drops paging from the page's parameters: an export is every page", () => {
    expect(exportParamsOf({ store: "s", page: "3", size: "100", lpage: "2", q: "", rule: undefined })).toEqual({ store: "s" });
  });

  it("writes sizes people read", () => {
    expect([formatFileSize(900), formatFileSize(1536), formatFileSize(42 * 1048576 + 300_000)]).toEqual(["900 B", "1.5 KB", "42 MB"]);
  });
});
