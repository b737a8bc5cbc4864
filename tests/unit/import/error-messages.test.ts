import { describe, expect, it } from "vitest";
import { formatImportError, IMPORT_ERROR_CODES } from "@/lib/import";
import type { ImportError } from "@/lib/import/types";

const error = (partial: Partial<ImportError> & Pick<ImportError, "code">): ImportError => ({ row: null, column: null, params: {}, severity: "error", ...partial });

describe("formatImportError", () => {
  it("names the row and the column in both languages", () => {
    const invalid = error({ row: 12, column: "金额", code: "INVALID_AMOUNT", params: { value: "abc" } });
    expect(formatImportError(invalid, "zh-CN")).toBe("第 12 行「金额」列：无法识别的金额 “abc”");
    expect(formatImportError(invalid, "en")).toBe("Row 12, column “金额”: Unrecognised amount “abc”");
    expect(formatImportError(error({ row: 3, code: "WRONG_COLUMN_COUNT", params: { expected: 7, actual: 4 } }), "en")).toBe(
      "Row 3: Wrong number of columns: expected 7, found 4.",
    );
    expect(formatImportError(error({ code: "EMPTY_FILE" }), "zh-CN")).toBe("文件是空的。");
    expect(formatImportError(error({ code: "HEADER_NOT_FOUND", params: { format: "icbc-statement" } }), "zh-CN")).toBe(
      "文件中没有找到「工商银行明细」的表头，请确认选择的格式。",
    );
  });

  it.each(IMPORT_ERROR_CODES)("%s has a Chinese and an English message", (code) => {
    const sample = error({ row: 5, column: "金额", code, params: { value: "x", expected: 3, actual: 2, format: "wechat-pay-bill", kind: "bank", expectedKind: "orders", status: "交易关闭", count: 1, maxBytes: 1048576, decimals: 2, amount: "1", fee: "0", net: "1", scannedRows: 60, limit: 500, fileName: "流水.csv" } });
    const zh = formatImportError(sample, "zh-CN");
    const en = formatImportError(sample, "en");
    expect(zh.startsWith("第 5 行「金额」列：")).toBe(true);
    expect(en.startsWith("Row 5, column “金额”: ")).toBe(true);
    expect(zh).toMatch(/[\u4e00-\u9fff]{2}/);
    expect(zh.length).toBeGreaterThan("第 5 行「金额」列：".length + 3);
    expect(en.length).toBeGreaterThan("Row 5, column “金额”: ".length + 3);
    expect(`${zh}${en}`).not.toContain("undefined");
  });
});
