// The PDF writer, read back with poppler (pdftotext, pdffonts, pdftoppm): Chinese is real,
// searchable text in an embedded font, the header row is on every page, pages are numbered, long
// Chinese wraps between characters and never inside a number. Set EXPORT_PDF_KEEP=dir to keep the
// PDF and its PNG pages for a person to look at.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePdf } from "@/lib/export";
import { expectedSums, sampleRow, sampleTable } from "./sample-table";

const keep = process.env.EXPORT_PDF_KEEP;
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "export-pdf-"));
afterAll(() => {
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
});

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils; .ci/run does)`);
    }
    throw error;
  }
}

const LONG_REASON = "平台结算单与银行回单金额不一致，差额由平台扣除的技术服务费和花呗分期手续费组成，订单号 3349876543210012345 已与客服核实，金额 ¥12,345.67 无误";

const file = path.join(dir, "matched.pdf");
let pages: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  const rows = Array.from({ length: 80 }, (_, i) => (i === 10 ? { ...sampleRow(i), reason: LONG_REASON } : sampleRow(i)));
  const result = await writePdf(sampleTable(0, { rows }), file);
  expect(result.rows).toBe(80);
  expect(result.totals).toEqual(expectedSums(80));
  const count = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", [file]))![1]);
  pages = Array.from({ length: count }, (_, i) => poppler("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), file, "-"]));
}, 120_000);

describe("writePdf", () => {
  it("is A4 landscape with the CJK font embedded as a subset", () => {
    expect(poppler("pdfinfo", [file])).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const fonts = poppler("pdffonts", [file]);
    expect(fonts).toMatch(/\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/\+NotoSansHans-Bold/);
  });

  it("holds the title block and searchable Chinese on the first page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = pages[0]!;
    for (const text of ["已匹配", "杭州示例电子商务有限公司", "2026-11-01 至 2026-11-30", "店铺: 天猫旗舰店, 拼多多专营店; 状态: 已确认", "王会计，2026-12-04 10:30", "¥1,234.56", "-¥0.50", "5.50%"]) {
      expect(first).toContain(text);
    }
  });

  it("repeats the header row and numbers every page", () => {
    pages.forEach((text, i) => {
      expect(text).toMatch(/日期\s+店铺\s+匹配规则\s+行数\s+金额\s+差额\s+费率\s+原因/);
      // pdftotext drops the narrow spaces of "第 1 / 3 页".
      expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*/\\s*${pages.length}\\s*页`));
    });
    // The title block is only on the first page.
    expect(pages[1]).not.toContain("筛选条件");
  });

  it("ends with the totals", () => {
    const sums = expectedSums(80);
    const last = pages.at(-1)!;
    expect(last).toContain("合计（80 行）");
    expect(last).toContain(`¥${(Number(sums.amount) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
  });

  it("wraps long Chinese between characters, keeping numbers whole", () => {
    const all = pages.join("\n");
    expect(all).toContain("3349876543210012345");
    expect(all).toContain("¥12,345.67");
    // The reason took several lines: its start and its end are on different lines.
    const lineOf = (text: string) => all.split("\n").findIndex((line) => line.includes(text));
    expect(lineOf("平台结算单与银行回单")).toBeGreaterThanOrEqual(0);
    expect(lineOf("无误")).toBeGreaterThan(lineOf("平台结算单与银行回单"));
  });

  it("renders to PNG pages", () => {
    const prefix = path.join(dir, "matched");
    poppler("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", file, prefix]);
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith("matched") && f.endsWith(".png"));
    expect(pngs.length).toBe(2);
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(20_000);
  });

  it("refuses more rows than a PDF takes, saying so, and leaves no file", async () => {
    const target = path.join(dir, "too-many.pdf");
    await expect(writePdf(sampleTable(6), target, { maxRows: 5 })).rejects.toMatchObject({
      messageKey: "exportPdfTooManyRows",
      params: { limit: 5 },
    });
    expect(fs.existsSync(target)).toBe(false);
  });
});
