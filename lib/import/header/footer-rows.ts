// Lines below the table that are not data: "合计" / "人民币合计" / "总计" totals, "#" comment lines
// (Alipay 账务明细, Pinduoduo), dashed separators, and notes ("以上数据仅供参考…", ABC's "该交易明细因…明细内容
// 仅供参考"). They are dropped
// wherever they appear, but only when the marker stands where the row's date or id should be (or that
// cell is empty): a memo that happens to start with "小计" in a real data row must not vanish.
// Summary rows without a marker are caught later by their empty anchor column (see normalize-rows).
import type { CellList } from "../normalize/cell-list";
import { isEmptyValue } from "../normalize/empty-value";

const FOOTER_MARKER = /^(?:#|-{3,}|[^\d]{0,8}(?:合计|总计|小计)|以上数据|[^\d]{0,60}仅供参考|共\s*\d+\s*笔|导出时间)/;

/** Index of the first non-empty cell, or -1. */
function firstFilledIndex(cells: CellList): number {
  for (let i = 0; i < cells.length; i++) if (cells.at(i) !== "") return i;
  return -1;
}

export function isBlankRow(cells: CellList): boolean {
  return firstFilledIndex(cells) === -1;
}

export function isFooterMarkerRow(cells: CellList, anchorIndex: number | undefined): boolean {
  const firstIndex = firstFilledIndex(cells);
  const first = firstIndex === -1 ? undefined : cells.at(firstIndex);
  if (first === undefined || !FOOTER_MARKER.test(first)) return false;
  return anchorIndex === undefined || anchorIndex === firstIndex || isEmptyValue(cells.at(anchorIndex));
}
