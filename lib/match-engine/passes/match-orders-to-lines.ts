// Pass 1, order ↔ bill / wallet lines by order number. Each order group takes every line that names
// it (as written, after a known prefix such as Alipay's T200P, or in the memo): the sale, its fees,
// its refunds. The numbers tie the rows for certain; whether the group is booked automatically
// depends only on whether its difference (commission, fees, refunds) is within the rules.
import { explainOrderLines, orderFacts } from "../engine/explain-difference";
import { KeyVia } from "../engine/order-index";
import { reason, sharedReason, sharedReasonWith } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import type { Reason } from "../types";

export function matchOrdersToLines(context: RunContext): void {
  const { table, index, sink, notes, rejected, rules } = context;
  const link = "ORDER_SETTLEMENT";
  const orderRows: number[] = [];
  const lines: number[] = [];
  const signedLeft = (row: number) => sink.signedAvailable(row, link);
  for (let group = 0; group < index.groupCount; group++) {
    if (index.lineHead[group] === -1) continue;
    orderRows.length = 0;
    for (let row = index.firstRow[group]!; row !== -1; row = index.nextRow[row]!) if (table.down[row]! > 0) orderRows.push(row);
    const currency = table.currencyOf[index.firstRow[group]!]!;
    lines.length = 0;
    for (let line = index.lineHead[group]!; line !== -1; line = index.nextLine[line]!) {
      if (!(table.up[line]! > 0)) continue;
      if (orderRows.length === 0) {
        notes.add(line, "upstream", reason("ORDER_ALREADY_RECONCILED", { orderNo: index.groupKey[group]! }));
      } else if (table.currencyOf[line] !== currency) {
        notes.add(line, "upstream", reason("CURRENCY_MISMATCH", { currency: table.currencies[table.currencyOf[line]!]!, expected: table.currencies[currency]! }));
      } else if (!rejected.isEmpty && orderRows.some((row) => rejected.rejected(row, line))) {
        notes.add(line, "upstream", reason("REJECTED_BY_USER"));
      } else {
        lines.push(line);
      }
    }
    if (lines.length === 0 || orderRows.length === 0) continue;

    const facts = orderFacts(table, index, rules, group);
    const explanation = explainOrderLines(table, rules, facts, lines, signedLeft);
    sink.commit({
      pass: 1,
      rule: "ORDER_NO",
      link,
      rows: [...orderRows, ...lines],
      adjustments: explanation.adjustments,
      reasons: [...keyReasons(context, group, lines), ...explanation.reasons],
      blockers: explanation.blockers,
      confidence: explanation.blockers.length === 0 ? 100 : 90,
    });
  }
}

/** One reason per way the lines named the order (as written, prefixed, in the memo, sub-order). */
function keyReasons(context: RunContext, group: number, lines: readonly number[]): Reason[] {
  const { index } = context;
  let seen = 0;
  const reasons: Reason[] = [];
  for (const line of lines) {
    const via = index.lineKeyVia[line]!;
    if (seen & (1 << via)) continue;
    seen |= 1 << via;
    if (via === KeyVia.ORDER_NO) reasons.push(sharedReason("ORDER_NO_EXACT"));
    else if (via === KeyVia.MEMO) reasons.push(reason("ORDER_NO_IN_MEMO", { orderNo: index.groupKey[group]! }));
    else if (via === KeyVia.SUB_ORDER_NO) reasons.push(sharedReason("SUB_ORDER_NO_EXACT"));
    else reasons.push(sharedReasonWith("ORDER_NO_WITH_PREFIX", "prefix", index.linePrefix(line)));
  }
  return reasons;
}
