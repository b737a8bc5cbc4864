// Every generated file must go through the project's own importer exactly as a real export would:
// its format detected, nothing rejected, and as many rows as the generator says it wrote.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedMonth } from "@/lib/generate";
import { fileNamed, generateInTemp, parseGenerated, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

const EXPECTED_ENCODING: Record<string, string | undefined> = { gbk: "gb18030", gb18030: "gb18030", "utf-8": "utf-8", "utf-8-bom": "utf-8", xlsx: undefined };

async function expectFilesImport(month: GeneratedMonth): Promise<void> {
  for (const file of month.files) {
    const parsed = await parseGenerated(file);
    expect(parsed.format.id, file.name).toBe(file.format);
    expect(parsed.kind, file.name).toBe(file.kind);
    expect(parsed.encoding, file.name).toBe(EXPECTED_ENCODING[file.encoding]);
    expect(parsed.errors.filter((error) => error.severity === "error"), file.name).toEqual([]);
    expect(parsed.rows, file.name).toHaveLength(file.rows);
    expect(parsed.stats.rejectedRows + parsed.stats.skippedRows, file.name).toBe(0);
  }
}

describe("generated files import with the project's parser", () => {
  let month: GeneratedMonth;
  beforeAll(async () => {
    month = await generateInTemp({ orders: 1500, seed: 3 });
  });

  it("writes the orders of four stores, two wallet files and a bank statement", () => {
    expect(month.files.map((file) => [file.format, file.storeOrAccount.type, file.storeOrAccount.key])).toEqual([
      ["tmall-orders", "store", "tmall"],
      ["pdd-orders", "store", "pdd"],
      ["jd-orders", "store", "jd"],
      ["douyin-orders", "store", "douyin"],
      ["alipay-account-ledger", "fundAccount", "alipay"],
      ["pdd-account-ledger", "store", "pdd"],
      ["cmb-statement", "fundAccount", "bank"],
    ]);
    expect(fileNamed(month, "pdd-orders").name).toMatch(/\.xlsx$/);
    expect(month.stores.map((store) => store.platform)).toEqual(["TMALL", "PDD", "JD", "DOUYIN"]);
    expect(month.fundAccounts.map((account) => account.type)).toEqual(["BANK", "ALIPAY"]);
  });

  it("detects every format, rejects nothing and counts the rows the generator wrote", async () => {
    await expectFilesImport(month);
  });

  it("reads the wallet preambles and footers as the real exports have them", async () => {
    const alipay = await parseGenerated(fileNamed(month, "alipay-account-ledger"));
    expect(alipay.headerRow).toBe(5);
    expect(alipay.preamble[0]).toBe("#支付宝账务明细查询");
    expect(alipay.stats.footerRows).toBe(4);
    const pdd = await parseGenerated(fileNamed(month, "pdd-account-ledger"));
    expect(pdd.headerRow).toBe(5);
    expect(pdd.stats.footerRows).toBe(4);
  });

  it("also imports the generic bank layout and the CSV form of a large PDD export", async () => {
    const other = await generateInTemp({ orders: 600, seed: 4, bankLayout: "generic-bank", xlsxMaxRows: 0, month: "2024-02" });
    expect(fileNamed(other, "pdd-orders").name).toMatch(/\.csv$/);
    expect(fileNamed(other, "generic-bank").name).toMatch(/\.csv$/);
    await expectFilesImport(other);
  });
});
