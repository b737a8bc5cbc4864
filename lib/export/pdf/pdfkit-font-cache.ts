// react-pdf hands pdfkit the font object itself for every run of text it draws (doc.font(font,
// size)), and pdfkit, finding no name to cache it under, builds a new embedded font each time and
// compares it with the one it already has by JSON-serialising both fonts' name tables. For a table
// of 10,000 rows that is 80,000 throw-away fonts: a fifth of the CPU time and most of the garbage.
// This wraps pdfkit's font() so the same font object maps to the embedded font made the first
// time, per document. Same fonts, same output; only the repeated work goes.
import PDFDocument from "pdfkit";

type PdfDoc = {
  font(src: unknown, family?: unknown, size?: unknown): PdfDoc;
  fontSize(size: number): PdfDoc;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
};

const PATCHED = Symbol.for("huikuan.pdfkitFontCache");
const CACHE = Symbol("embeddedFonts");

export function installPdfkitFontCache(): void {
  const proto = PDFDocument.prototype as PdfDoc & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const original = proto.font;
  proto.font = function (this: PdfDoc & { [CACHE]?: WeakMap<object, unknown> }, src, family, size) {
    if (src === null || typeof src !== "object" || (family !== undefined && typeof family !== "number")) {
      return original.call(this, src, family, size);
    }
    const cache = (this[CACHE] ??= new WeakMap());
    const embedded = cache.get(src);
    if (embedded === undefined) {
      original.call(this, src, family, size);
      cache.set(src, this._font);
      return this;
    }
    this._fontSource = src;
    this._fontFamily = null;
    if (typeof family === "number") this.fontSize(family);
    else if (size != null) this.fontSize(size as number);
    this._font = embedded;
    return this;
  };
  proto[PATCHED] = true;
}
