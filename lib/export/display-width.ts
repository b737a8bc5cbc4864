// How wide text looks in a monospaced grid: CJK characters (and full-width forms) take two
// columns, everything else one. Used for Excel column widths and PDF column shares.

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x20000 || WIDE.test(ch) ? 2 : 1;
  }
  return width;
}
