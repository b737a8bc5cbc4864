// Exports fill cells that have no value with placeholders: WeChat writes "/", ICBC "-", BOC a row
// of dashes ("-------------------"), others "--" or "null". All of them mean "empty".
const PLACEHOLDER = /^(?:\/|\\|[-—–]+|null|NULL|None|N\/A|n\/a)$/;

/**
 * A first character that trim() keeps and no placeholder starts with: a digit, a Latin letter other
 * than n/N, or a CJK ideograph. Checked first because it decides nearly every cell without a regex.
 */
function startsLikeAValue(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code === 0x4e || code === 0x6e) return false; // N, n: "NULL", "None", "N/A", "null", "n/a"
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isEmptyValue(text: string | undefined): boolean {
  if (text === undefined || text === "") return true;
  if (startsLikeAValue(text.charCodeAt(0))) return false;
  const trimmed = text.trim();
  return trimmed === "" || PLACEHOLDER.test(trimmed);
}

/** The text, or undefined when it is empty or a placeholder. */
export function valueOrUndefined(text: string | undefined): string | undefined {
  return isEmptyValue(text) ? undefined : text?.trim();
}
