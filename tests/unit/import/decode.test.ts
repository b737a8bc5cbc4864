import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeTextBuffer, decodeTextStream, sniffFileType } from "@/lib/import";

const CSV = "记账日期,交易金额,交易摘要\n2024-01-01,-3.00,一网通支付\n";

describe("decodeTextBuffer", () => {
  it.each([
    ["UTF-8", Buffer.from(CSV, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, "utf8")]), "utf-8"],
    ["UTF-16 LE with BOM", iconv.encode(CSV, "utf-16le", { addBOM: true }), "utf-16le"],
    ["UTF-16 BE with BOM", iconv.encode(CSV, "utf-16be", { addBOM: true }), "utf-16be"],
    ["UTF-16 LE without BOM", iconv.encode(CSV, "utf-16le"), "utf-16le"],
    ["GBK", iconv.encode(CSV, "gbk"), "gb18030"],
    ["GB18030", iconv.encode(`${CSV}𠀀`, "gb18030"), "gb18030"],
  ] as const)("%s", async (_name, bytes, encoding) => {
    const result = await decodeTextBuffer(bytes);
    expect(result).toMatchObject({ ok: true, encoding });
    if (result.ok) expect(result.text.startsWith("记账日期")).toBe(true);
  });

  it("refuses binary data (NUL bytes) whatever the file is called", async () => {
    expect(await decodeTextBuffer(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02, 0x00, 0x41]))).toEqual({ ok: false, code: "BINARY_FILE" });
    // NULs on one parity, like UTF-16, but the "text" is full of control characters.
    const fake = Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 2 === 1 ? 0 : i % 7)));
    expect(await decodeTextBuffer(fake)).toEqual({ ok: false, code: "BINARY_FILE" });
  });

  it("refuses text that is neither UTF-8 nor GB18030 instead of garbling it", async () => {
    const latin1 = iconv.encode("Date,Libellé,Débit,Crédit\n02/01/2025,Café crème,3.50,\n04/01/2025,Boulangerie,é,\n", "latin1");
    expect(await decodeTextBuffer(latin1)).toEqual({ ok: false, code: "UNKNOWN_ENCODING" });
  });

  it("decides GBK correctly when the first non-ASCII byte comes after a long ASCII stretch", async () => {
    const asciiPrefix = "ref,amount\n" + "1234567890,1.00\n".repeat(10_000); // ~160 KB of ASCII
    const bytes = Buffer.concat([Buffer.from(asciiPrefix), iconv.encode("备注,支付宝\n", "gbk")]);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, i * 4096 + 4096));
    let encoding: string | undefined;
    let text = "";
    for await (const part of decodeTextStream(chunks, (e) => (encoding = e))) text += part;
    expect(encoding).toBe("gb18030");
    expect(text.endsWith("备注,支付宝\n")).toBe(true);
    expect(text.length).toBe(asciiPrefix.length + "备注,支付宝\n".length);
  });

  it("keeps a multi-byte character split across chunks", async () => {
    // GBK has no "¥" (U+00A5); Chinese exports write the full-width "￥".
    const bytes = iconv.encode("金额\n￥1.00\n", "gbk");
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]));
    let text = "";
    for await (const part of decodeTextStream(chunks)) text += part;
    expect(text).toBe("金额\n￥1.00\n");
  });
});

describe("sniffFileType", () => {
  it.each([
    ["ZIP (xlsx)", [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0], { type: "xlsx" }],
    ["OLE2 (xls)", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], { type: "xls" }],
    ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], { type: "binary", detected: "PDF" }],
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], { type: "binary", detected: "PNG" }],
    ["CSV", [...Buffer.from("a,b,c\n")], { type: "text" }],
  ])("%s", (_name, bytes, expected) => {
    expect(sniffFileType(Uint8Array.from(bytes))).toEqual(expected);
  });
});
