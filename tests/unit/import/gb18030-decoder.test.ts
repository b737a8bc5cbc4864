import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { Gb18030Decoder } from "@/lib/import/decode/gb18030-decoder";

/** What iconv-lite's streaming decoder makes of the chunks: the reference the fast decoder must match. */
function iconvText(chunks: readonly Buffer[]): string {
  const decoder = iconv.getDecoder("gb18030");
  return chunks.map((chunk) => decoder.write(chunk)).join("") + (decoder.end() ?? "");
}

function fastText(chunks: readonly Buffer[]): string {
  const decoder = new Gb18030Decoder();
  return chunks.map((chunk) => decoder.write(chunk)).join("") + (decoder.end() ?? "");
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunked(bytes: Buffer, random: () => number, maxSize = 40): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxSize);
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  return chunks;
}

describe("Gb18030Decoder gives exactly iconv-lite's text", () => {
  /** The byte sequences (hex) the two decoders read differently; collected so one expect reports them all. */
  function mismatches(sequences: Iterable<number[]>): string[] {
    const found: string[] = [];
    for (const sequence of sequences) {
      const bytes = Buffer.from(sequence);
      if (fastText([bytes]) !== iconvText([bytes])) found.push(bytes.toString("hex"));
    }
    return found;
  }

  it("for every one- and two-byte sequence", () => {
    function* sequences() {
      for (let lead = 0; lead < 256; lead++) for (let trail = 0; trail < 256; trail++) yield [lead, trail, 0x2c];
    }
    expect(mismatches(sequences())).toEqual([]);
  });

  it("for four-byte sequences, valid and out of range", () => {
    // First bytes around the edges: the BMP range ends in 0x84, supplementary planes run 0x90–0xE3.
    const firstBytes = [0x81, 0x82, 0x84, 0x85, 0x8f, 0x90, 0xa0, 0xc0, 0xe3, 0xe4, 0xfe];
    const thirdBytes = [...Array.from({ length: 26 }, (_, i) => 0x81 + 5 * i), 0x95, 0x9a, 0xa4, 0xa5, 0xfe];
    function* sequences() {
      for (const b1 of firstBytes) {
        for (let b2 = 0x30; b2 <= 0x39; b2++) {
          for (const b3 of thirdBytes) for (let b4 = 0x30; b4 <= 0x39; b4++) yield [b1, b2, b3, b4, 0x0a];
        }
      }
    }
    expect(mismatches(sequences())).toEqual([]);
  });

  it("for text mixing GBK, the codes GB18030-2022 remapped, invalid bytes and a cut-off end, however it is chunked", () => {
    const random = randomSource(18030);
    const pieces = [
      iconv.encode("订单编号,买家实际支付金额,订单状态\n", "gbk"),
      Buffer.from('="3349876543210012345",109.00元\r\n'),
      iconv.encode("𠀀\u00b7€", "gb18030"),
      Buffer.from([0xa6, 0xd9]), // U+E78D in iconv-lite, U+FE10 in GB18030-2022
      Buffer.from([0xfe, 0x59]),
      Buffer.from([0x84, 0x31, 0x82, 0x36]),
      Buffer.from([0x81, 0xff]), // invalid trail byte
      Buffer.from([0x84, 0x31, 0xa5, 0x30]), // beyond the four-byte BMP range
      Buffer.from([0xff]),
      Buffer.from([0x81, 0x30]),
      Buffer.from([0x80]),
    ];
    for (let round = 0; round < 300; round++) {
      const parts: Buffer[] = [];
      const count = 1 + Math.floor(random() * 30);
      for (let i = 0; i < count; i++) {
        // Mostly clean text, so the fast path runs for a while before anything odd appears.
        const index = random() < 0.8 ? Math.floor(random() * 3) : Math.floor(random() * pieces.length);
        parts.push(pieces[index] as Buffer);
      }
      if (random() < 0.3) parts.push(Buffer.from([0x81])); // ends inside a character
      const bytes = Buffer.concat(parts);
      expect(fastText([bytes])).toBe(iconvText([bytes]));
      // iconv-lite's own result for invalid bytes depends on where the chunks are cut; the fast
      // decoder must match it for the same chunks.
      const chunks = chunked(bytes, random);
      expect(fastText(chunks)).toBe(iconvText(chunks));
    }
  });

  it("for large text, cut into pieces, with trouble far into it", () => {
    const random = randomSource(42);
    const line = iconv.encode('="3349876543210012345",t***1,109.00,交易成功,2024-03-01 10:15:32,示例旗舰店,109.00元\r\n', "gbk");
    const clean = Buffer.concat(Array.from({ length: 3000 }, () => line)); // ~250 KB
    const cases = [
      clean,
      Buffer.concat([clean, Buffer.from([0x81, 0xff]), clean]),
      Buffer.concat([clean, Buffer.from([0xa6, 0xd9]), clean]),
      Buffer.concat([clean, Buffer.alloc(70_000, 0x41), clean]), // a long stretch without a safe cut
      Buffer.concat([clean, Buffer.from([0x81])]),
    ];
    for (const bytes of cases) {
      expect(fastText([bytes])).toBe(iconvText([bytes]));
      const chunks = chunked(bytes, random, 100_000);
      expect(fastText(chunks)).toBe(iconvText(chunks));
    }
  });

  it("hands out text in pieces small enough to die young in the garbage collector", () => {
    const bytes = iconv.encode("订单编号,金额\n".repeat(50_000), "gbk");
    const pieces = new Gb18030Decoder().writePieces(bytes);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(48 * 1024);
    expect(pieces.every((piece) => piece.endsWith("\n"))).toBe(true);
  });
});
