// A large CSV is consumed as a stream, in batches, with line numbers right to the end.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { parseImportFile } from "@/lib/import";

const ROWS = 100_000;

function* bankStatementChunks(): Generator<Buffer> {
  // GBK like most Chinese bank exports, with a preamble, produced 1000 lines at a time.
  yield iconv.encode("中国银行交易流水明细单\n记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行,借记卡号\n", "gbk");
  for (let start = 0; start < ROWS; start += 1000) {
    let text = "";
    for (let i = start; i < start + 1000; i++) {
      text += `2025-08-22,12:${String(i % 60).padStart(2, "0")}:00,人民币,-${(i % 500) + 1}.25,"3,240.28",网上快捷支付,银企对接,-------------------,订单${i},支付宝-李四,Z200******010N,-------------------,3167\n`;
    }
    yield iconv.encode(text, "gbk");
  }
}

describe("streaming a large file", () => {
  it(`parses ${ROWS.toLocaleString()} rows in batches without reading the whole stream first`, async () => {
    let chunksRead = 0;
    const source = Readable.from(
      (function* () {
        for (const chunk of bankStatementChunks()) {
          chunksRead++;
          yield chunk;
        }
      })(),
    );
    const opened = await parseImportFile({ fileName: "boc.csv", stream: source }, { batchSize: 5000 });
    if (!opened.ok || opened.kind !== "bank") throw new Error(JSON.stringify(opened));
    expect(opened.format.id).toBe("boc-statement");
    expect(opened.encoding).toBe("gb18030");

    let batches = 0;
    let rows = 0;
    let chunksReadAtFirstBatch = 0;
    let lastRow: { sourceRow: number; amountMinor: bigint; memo?: string } | undefined;
    for await (const batch of opened.batches) {
      if (batches === 0) chunksReadAtFirstBatch = chunksRead;
      batches++;
      rows += batch.rows.length;
      expect(batch.errors).toEqual([]);
      lastRow = batch.rows.at(-1);
    }
    expect(rows).toBe(ROWS);
    expect(batches).toBeGreaterThanOrEqual(ROWS / 5000);
    expect(chunksReadAtFirstBatch).toBeLessThan(20);
    // Line 1 is the title, line 2 the header, so data row i sits on line i + 3.
    expect(lastRow).toMatchObject({ sourceRow: ROWS + 2, amountMinor: -(BigInt(((ROWS - 1) % 500) + 1) * 100n + 25n), memo: `网上快捷支付 / 订单${ROWS - 1}` });
    expect(opened.stats).toMatchObject({ dataRows: ROWS, importedRows: ROWS, rejectedRows: 0 });
  }, 20_000);
});

describe("leaving early", () => {
  it("closes the upload stream when the consumer stops after the first batch", async () => {
    const source = Readable.from(bankStatementChunks());
    const opened = await parseImportFile({ fileName: "boc.csv", stream: source }, { batchSize: 100 });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    for await (const batch of opened.batches) {
      expect(batch.rows).toHaveLength(100);
      break;
    }
    expect(source.destroyed).toBe(true);
  });

  it("closes the upload stream when the layout is not recognised", async () => {
    const source = Readable.from((function* () {
      yield Buffer.from("foo,bar\n");
      for (let i = 0; i < 1000; i++) yield Buffer.from("1,2\n".repeat(100));
    })());
    const result = await parseImportFile({ fileName: "x.csv", stream: source });
    expect(result.ok).toBe(false);
    expect(source.destroyed).toBe(true);
  });
});
