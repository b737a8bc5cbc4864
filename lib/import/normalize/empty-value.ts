// Exports fill cells that have no value with placeholders: WeChat writes "/", ICBC "-", BOC a row
// of dashes ("-------------------"), others "--" or "null". All of them mean "empty".
const PLACEHOLDER = /^(?:\/|\\|[-—–]+|null|NULL|None|N\/A|n\/a)$/;

export function isEmptyValue(text: string | undefined): boolean {
  if (text === undefined) return true;
  const trimmed = text.trim();
  return trimmed === "" || PLACEHOLDER.test(trimmed);
}

/** The text, or undefined when it is empty or a placeholder. */
export function valueOrUndefined(text: string | undefined): string | undefined {
  return isEmptyValue(text) ? undefined : text?.trim();
}
