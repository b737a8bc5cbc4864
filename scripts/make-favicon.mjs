// Draws public/favicon.ico (16×16 and 32×32 PNGs inside one ICO) from the same geometry as
// public/logo.svg: the character 回 — a square within a square — white on the brand blue. Plain
// Node (zlib for PNG), no image library: run `node scripts/make-favicon.mjs` after changing it.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BRAND_600 = [0x1f, 0x5b, 0xc4];
const WHITE = [0xff, 0xff, 0xff];
// In units of the 32-unit viewBox of logo.svg.
const CORNER = 7;
const OUTER = { from: 7, to: 25, stroke: 3 }; // the outer square, drawn as a frame
const INNER = { from: 13, to: 19 }; // the inner square, filled so it survives 16 px

const inRoundedSquare = (x, y) => {
  const cx = Math.min(Math.max(x, CORNER), 32 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 32 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
};
const inSquare = (x, y, from, to) => x >= from && x < to && y >= from && y < to;
const isMark = (x, y) =>
  (inSquare(x, y, OUTER.from, OUTER.to) && !inSquare(x, y, OUTER.from + OUTER.stroke, OUTER.to - OUTER.stroke)) ||
  inSquare(x, y, INNER.from, INNER.to);

/** RGBA pixels, each the average of 8×8 samples so the edges are smooth. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 32) / size;
          const y = ((py + (sy + 0.5) / samples) * 32) / size;
          if (!inRoundedSquare(x, y)) continue;
          covered++;
          if (isMark(x, y)) white++;
        }
      }
      const share = covered ? white / covered : 0;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(BRAND_600[c] * (1 - share) + WHITE[c] * share);
      pixels[offset + 3] = Math.round((covered / samples ** 2) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const pixels = draw(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
  const rows = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.of(0), pixels.subarray(y * size * 4, (y + 1) * size * 4)])));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG is allowed inside since Vista). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size, 0);
    entry.writeUInt8(size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../public/favicon.ico");
fs.writeFileSync(out, ico([16, 32].map((size) => ({ size, data: png(size) }))));
console.log(`wrote ${out}`);
