// react-pdf breaks lines only between the "syllables" a hyphenation callback returns for each
// space-separated word, and draws a hyphen where it breaks inside a word. Chinese has no spaces, so
// by default a long Chinese cell cannot wrap at all. This callback lets a line break between any
// two CJK characters (an empty syllable between them is a zero-width glue: no hyphen drawn), keeps
// runs of digits, Latin letters and number punctuation whole so an amount or an order number is
// never split, and keeps closing punctuation with the character before it (。，）never start a line).

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
// Characters that must not begin a line (they close or follow what comes before them).
const NO_LINE_START = /[，。、；：！？）》」』】〕…％,.;:!?)\]%]/;

export function cjkWordBreaks(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const parts: string[] = [];
  let current = "";
  let previousWasCjk = false;
  for (const ch of word) {
    const isCjk = CJK.test(ch);
    // A break is allowed before a CJK character, and after one (before Latin or digits), except
    // before punctuation that may not start a line.
    if (current && (isCjk || previousWasCjk) && !NO_LINE_START.test(ch)) {
      parts.push(current, "");
      current = "";
    }
    current += ch;
    previousWasCjk = isCjk;
  }
  if (current) parts.push(current);
  return parts;
}
