// "Suggest" on one row of the workspace: the row as its list shows it (with what is left of it),
// then the ranked candidates from the list in the other pane. Amounts leave as strings because the
// answer crosses to the browser, which has no bigint in JSON.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { UNMATCHED_LISTS, listUnmatched, unmatchedFilterSchema } from "./list-unmatched";
import { rowRefSchema } from "./row-ref";
import { suggestCandidates } from "./suggest-candidates";

export const suggestRequestSchema = z.object({
  side: rowRefSchema.shape.side,
  id: rowRefSchema.shape.id,
  list: z.enum(UNMATCHED_LISTS),
  pane: z.enum(["left", "right"]),
  otherList: z.enum(UNMATCHED_LISTS),
});

export async function suggestForRow(tx: Tx, orgId: string, request: z.output<typeof suggestRequestSchema>) {
  const rules = await getOrgRules(tx, orgId);
  // A row in the left pane is the upstream end of a match: what is left of it is measured on its
  // downstream slot, and the candidates on the right on their upstream one (and the other way round).
  const slot = request.pane === "left" ? "down" : "up";
  const otherSlot = request.pane === "left" ? "up" : "down";
  const filter = { ...unmatchedFilterSchema.parse({}), row: { side: request.side, id: request.id } };
  const own = (await listUnmatched(tx, orgId, request.list, slot, filter, rules, 1)).rows[0];
  if (!own) return { candidates: [] }; // gone (matched meanwhile) or another company's row
  const candidates = await suggestCandidates(tx, orgId, own, request.otherList, otherSlot, rules);
  return {
    candidates: candidates.map(({ score, reasons, row }) => ({
      score,
      reasons,
      row: { ...row, amountMinor: row.amountMinor.toString(), remainingMinor: row.remainingMinor.toString(), flowMinor: row.flowMinor.toString() },
    })),
  };
}
