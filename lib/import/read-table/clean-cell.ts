// Exports decorate values so Excel will not mangle them: IDs end with a TAB (Alipay, WeChat, ICBC)
// or start with one (Douyin), are wrapped as ="0012345" or prefixed with an apostrophe, and cells
// are padded with spaces to line columns up. None of that is part of the value.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const EXCEL_TEXT_GUARD = /^="([\s\S]*)"$/;
const APOSTROPHE_GUARDED_NUMBER = /^'[\d][\d\s-]*$/;

export function cleanCell(raw: string): string {
  // trim() also removes TABs, NBSP and the ideographic space U+3000.
  let value = raw.replace(ZERO_WIDTH, "").trim();
  const guarded = EXCEL_TEXT_GUARD.exec(value);
  if (guarded) value = (guarded[1] ?? "").trim();
  if (APOSTROPHE_GUARDED_NUMBER.test(value)) value = value.slice(1);
  return value;
}
