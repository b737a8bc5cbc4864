// Chinese exports and people typing into Excel with a Chinese IME produce full-width digits and
// punctuation (１２３．４５, －, （）, ：). They mean the same as their ASCII forms, so every parser
// folds them first instead of listing both spellings in every regular expression.

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_ASCII_OFFSET = 0xfee0;

const SPECIAL: Record<string, string> = {
  "\u3000": " ", // ideographic space
  "\uffe5": "¥", // ￥ full-width yen sign (outside the FF01–FF5E block)
  "\uffe0": "¢",
  "\uffe1": "£",
  "\u2212": "-", // − minus sign
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash, typed as a minus in some sheets
  "\ufe63": "-", // small hyphen-minus
  "\u3002": ".", // 。 ideographic full stop, typed for a decimal point by mistake
};

const NEEDS_FOLDING = /[\uff01-\uff5e\u3000\uffe0\uffe1\uffe5\u2212\u2012\u2013\ufe63\u3002]/;

export function toHalfWidth(text: string): string {
  // Most cells have nothing to fold; skip the per-character rebuild for them.
  if (!NEEDS_FOLDING.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      out += String.fromCodePoint(code - FULL_TO_ASCII_OFFSET);
    } else {
      out += SPECIAL[ch] ?? ch;
    }
  }
  return out;
}
