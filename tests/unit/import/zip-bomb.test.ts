import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkZipBomb, checkZipDeclaredSizes, parseImportBuffer } from "@/lib/import";
import { expectFailed, fixturePath } from "./helpers";
import { buildZip } from "./zip-writer";

const workbookEntries = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
];

describe("XLSX zip-bomb guard", () => {
  it("lets a real workbook through", async () => {
    const result = await checkZipBomb(readFileSync(fixturePath("wechat/example-wechat-records.xlsx")));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries.map((e) => e.name)).toContain("xl/workbook.xml");
  });

  it("refuses an archive whose declared total is over the limit, without inflating anything", () => {
    const zip = buildZip([...workbookEntries, { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<x/>"), declaredSize: 2 ** 32 - 1 }]);
    expect(checkZipDeclaredSizes(zip)).toMatchObject({ ok: false, code: "ZIP_BOMB", params: { reason: "total size" } });
  });

  it("refuses an absurd compression ratio", () => {
    // 20 MB of zeros deflates to about 20 KB: a ratio near 1000.
    const zip = buildZip([...workbookEntries, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(20 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(100_000);
    expect(checkZipDeclaredSizes(zip)).toMatchObject({ ok: false, code: "ZIP_BOMB", params: { reason: "ratio", entry: "xl/worksheets/sheet1.xml" } });
  });

  it("catches an archive that lies about its sizes by counting the real inflated bytes", async () => {
    const zip = buildZip([...workbookEntries, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(3 * 1024 * 1024, 0x41), declaredSize: 1000 }]);
    expect(checkZipDeclaredSizes(zip).ok).toBe(true);
    expect(await checkZipBomb(zip)).toMatchObject({ ok: false, code: "ZIP_BOMB", params: { reason: "size lie" } });
  });

  it("takes the limits as configuration", () => {
    const data = readFileSync(fixturePath("wechat/example-wechat-records.xlsx"));
    expect(checkZipDeclaredSizes(data, { maxTotalUncompressedBytes: 1000, maxCompressionRatio: 500, ratioCheckMinBytes: 1 << 20, maxEntries: 100 })).toMatchObject({
      ok: false,
      code: "ZIP_BOMB",
    });
  });

  it("stops an upload before any spreadsheet parser sees it", async () => {
    const zip = buildZip([...workbookEntries, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(20 * 1024 * 1024) }]);
    const result = expectFailed(await parseImportBuffer({ fileName: "statement.xlsx", data: zip }));
    expect(result.errors).toEqual([expect.objectContaining({ row: null, code: "ZIP_BOMB" })]);
  });

  it("names a ZIP that is not a workbook", async () => {
    const zip = buildZip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    const result = expectFailed(await parseImportBuffer({ fileName: "orders.xlsx", data: zip }));
    expect(result.errors).toEqual([expect.objectContaining({ code: "UNSUPPORTED_FILE_TYPE", params: { format: "ZIP" } })]);
  });

  it("reports a truncated archive as a damaged spreadsheet", async () => {
    const data = readFileSync(fixturePath("wechat/example-wechat-records.xlsx")).subarray(0, 5000);
    const result = expectFailed(await parseImportBuffer({ fileName: "bill.xlsx", data }));
    expect(result.errors[0]?.code).toBe("CORRUPT_SPREADSHEET");
  });
});
