// Chinese needs a font with CJK glyphs or react-pdf draws blanks. Noto Sans CJK SC (the
// @embedpdf/fonts-sc npm package, SIL Open Font License 1.1, 30,000+ characters, not only GB2312)
// is registered once per process; react-pdf embeds only the glyphs a document uses (a subset), so a
// PDF carries kilobytes of font, not the 8 MiB file.
import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { installPdfkitFontCache } from "./pdfkit-font-cache";

export const CJK_FONT_FAMILY = "NotoSansSC";

let registered = false;

function fontDirectory(): string {
  // The package exports only its index (dist/); the fonts sit beside it.
  const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
  return path.join(path.dirname(entry), "..", "fonts");
}

export function registerCjkFont(): void {
  if (registered) return;
  const dir = fontDirectory();
  Font.register({
    family: CJK_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "NotoSansHans-Regular.otf"), fontWeight: 400 },
      { src: path.join(dir, "NotoSansHans-Bold.otf"), fontWeight: 700 },
    ],
  });
  // The writer wraps every cell itself (wrap-cell.ts, breaking Chinese between characters and never
  // inside a number), so react-pdf gets lines that already fit: no break points inside words
  // spares it hyphenating and line-breaking 80,000 lines a second time. Should a line still be
  // too wide, it breaks at a space, and never draws a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
  installPdfkitFontCache();
  registered = true;
}
