// A cell's text cut into lines that fit its column: breaks at spaces and between CJK characters
// (cjk-word-breaks.ts), never inside a number or a Latin word unless that alone is wider than the
// column. The writer wraps every cell itself so it knows each row's height exactly.
import { cjkWordBreaks } from "./cjk-word-breaks";
import type { Measure } from "./text-measure";

/** The pieces a line may break between: words, runs of spaces, CJK characters (with their punctuation). */
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/( +)/)) {
    if (!word) continue;
    if (word.trim() === "") out.push(word);
    else for (const part of cjkWordBreaks(word)) if (part) out.push(part);
  }
  return out;
}

export function wrapCell(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    if (measure(paragraph) <= width) {
      lines.push(paragraph);
      continue;
    }
    let line = "";
    let lineWidth = 0;
    for (const piece of pieces(paragraph)) {
      const w = measure(piece);
      if (lineWidth + w <= width) {
        line += piece;
        lineWidth += w;
        continue;
      }
      if (piece.trim() === "") {
        // A space at the end of a line is dropped, as in any text layout.
        lines.push(line);
        line = "";
        lineWidth = 0;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = "";
      lineWidth = 0;
      if (w <= width) {
        line = piece;
        lineWidth = w;
        continue;
      }
      // One piece wider than the column (a very long number or word): cut it by characters.
      for (const ch of piece) {
        const cw = measure(ch);
        if (lineWidth + cw > width && line) {
          lines.push(line);
          line = "";
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
