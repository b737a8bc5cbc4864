// Exports decorate values so Excel will not mangle them: IDs end with a TAB (Alipay, WeChat, ICBC)
// or start with one (Douyin), are wrapped as ="0012345" or prefixed with an apostrophe, and cells
// are padded with spaces to line columns up. None of that is part of the value.
//
// Header rows and every cell an adapter reads pass through here, and almost all of them are plain,
// so the common case is decided from the first and last character without more regular expressions.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const APOSTROPHE_GUARDED_NUMBER = /^'[\d][\d\s-]*$/;

const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * Could trim() remove this character? Errs towards yes: every ASCII control character and space,
 * and the non-ASCII white space trim() knows (NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F,
 * U+3000, U+FEFF). A false "yes" only sends the cell down the exact, slower path.
 */
function mayBeTrimmed(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True when cleaning cannot change the text, once it holds no zero-width character. */
function isPlain(text: string): boolean {
  if (text === "") return true;
  const first = text.charCodeAt(0);
  if (first === EQUALS || first === APOSTROPHE || mayBeTrimmed(first)) return false;
  return !mayBeTrimmed(text.charCodeAt(text.length - 1));
}

function removeGuards(trimmed: string): string {
  let value = trimmed;
  // ="…" (Excel text guard): the same as /^="([\s\S]*)"$/.
  if (value.length >= 3 && value.charCodeAt(0) === EQUALS && value.charCodeAt(1) === QUOTE && value.charCodeAt(value.length - 1) === QUOTE) {
    value = value.slice(2, -1).trim();
  }
  if (value.charCodeAt(0) === APOSTROPHE && APOSTROPHE_GUARDED_NUMBER.test(value)) value = value.slice(1);
  return value;
}

export function cleanCell(raw: string): string {
  const value = HAS_ZERO_WIDTH.test(raw) ? raw.replace(ZERO_WIDTH, "") : raw;
  if (isPlain(value)) return value;
  // trim() also removes TABs, NBSP and the ideographic space U+3000.
  return removeGuards(value.trim());
}
