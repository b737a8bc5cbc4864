// Text widths in points from the embedded font's own glyph advances, so the PDF writer can wrap
// cells itself (wrap-cell.ts) and know every row's height before react-pdf sees it.
import { Font } from "@react-pdf/renderer";
import { CJK_FONT_FAMILY, registerCjkFont } from "./cjk-font";

export type Measure = (text: string) => number;

type FontkitFont = { unitsPerEm: number; glyphForCodePoint(codePoint: number): { advanceWidth: number } };

export async function loadMeasure(fontWeight: 400 | 700, fontSize: number): Promise<Measure> {
  registerCjkFont();
  const descriptor = { fontFamily: CJK_FONT_FAMILY, fontWeight };
  await Font.load(descriptor);
  const font = (Font.getFont(descriptor) as unknown as { data: FontkitFont }).data;
  const scale = fontSize / font.unitsPerEm;
  const advances = new Map<number, number>();
  return (text) => {
    let width = 0;
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      let advance = advances.get(code);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(code).advanceWidth * scale;
        advances.set(code, advance);
      }
      width += advance;
    }
    return width;
  };
}
