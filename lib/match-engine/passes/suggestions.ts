// Pass 4 — suggestions only, never booked automatically: partial payments named in memos, memos that
// quote part of a withdrawal number, unique bounded subset-sums, and payout windows by settlement date.
// Strongest evidence first, so a weaker suggestion never takes rows a stronger one explains.
import type { RunContext } from "../engine/run-context";
import { suggestByMemoSimilarity } from "./suggest-by-memo-similarity";
import { suggestPartialPayments } from "./suggest-partial-payments";
import { suggestPayoutWindows } from "./suggest-payout-windows";
import { suggestSubsetSums } from "./suggest-subset-sums";

export function runSuggestions(context: RunContext): void {
  suggestPartialPayments(context);
  suggestByMemoSimilarity(context);
  suggestSubsetSums(context);
  suggestPayoutWindows(context);
}
