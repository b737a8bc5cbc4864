// For one row a person is looking at: the open rows on the other side that could be its match,
// ranked, each with why (same amount, days apart, its reference in the memo). Candidates come from
// the same paged queries as the lists, so they are exactly what the person could select.
import type { Tx } from "@/lib/db/client";
import type { ReconcileRules } from "@/lib/match-engine";
import { listUnmatched, type UnmatchedList, type UnmatchedRow } from "./list-unmatched";

export type CandidateReason = { code: "AMOUNT_EQUAL" | "AMOUNT_CLOSE" | "DATE_DIFF" | "REF_IN_TEXT"; params: Record<string, string> };
export type Candidate = { row: UnmatchedRow; score: number; reasons: CandidateReason[] };

const WINDOW_DAYS = 10;
const MAX_CANDIDATES = 8;

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

const abs = (value: bigint) => (value < 0n ? -value : value);

export function scoreCandidate(target: UnmatchedRow, candidate: UnmatchedRow): Candidate {
  const reasons: CandidateReason[] = [];
  let score = 0;
  const difference = abs(abs(target.flowMinor) - abs(candidate.flowMinor));
  if (difference === 0n) {
    score += 50;
    reasons.push({ code: "AMOUNT_EQUAL", params: {} });
  } else {
    const relative = Number(difference) / Math.max(1, Number(abs(target.flowMinor)));
    if (relative <= 0.1) {
      score += Math.round(30 * (1 - relative * 10));
      reasons.push({ code: "AMOUNT_CLOSE", params: { differenceMinor: difference.toString() } });
    }
  }
  if (target.day && candidate.day) {
    const days = daysBetween(target.day, candidate.day);
    score += Math.max(0, 30 - 4 * days);
    reasons.push({ code: "DATE_DIFF", params: { days: String(days) } });
  }
  const refIn = (ref: string | null, row: UnmatchedRow) => Boolean(ref && ref.length >= 4 && `${row.ref ?? ""} ${row.detail ?? ""}`.includes(ref));
  if (refIn(target.ref, candidate) || refIn(candidate.ref, target)) {
    score += 40;
    reasons.push({ code: "REF_IN_TEXT", params: {} });
  }
  return { row: candidate, score, reasons };
}

export async function suggestCandidates(
  tx: Tx,
  orgId: string,
  target: UnmatchedRow,
  otherList: UnmatchedList,
  otherSlot: "up" | "down",
  rules: Pick<ReconcileRules, "walletKeywords">,
): Promise<Candidate[]> {
  const size = abs(target.flowMinor);
  const window = target.day ? { from: shiftDay(target.day, -WINDOW_DAYS), to: shiftDay(target.day, WINDOW_DAYS) } : {};
  const [byAmount, byRef] = await Promise.all([
    listUnmatched(tx, orgId, otherList, otherSlot, { ...window, min: ((size * 9n) / 10n).toString(), max: ((size * 11n) / 10n).toString(), page: 1 }, rules, 200),
    target.ref && target.ref.length >= 4 ? listUnmatched(tx, orgId, otherList, otherSlot, { q: target.ref, page: 1 }, rules, 20) : Promise.resolve({ rows: [] }),
  ]);
  const seen = new Map<string, UnmatchedRow>();
  for (const row of [...byAmount.rows, ...byRef.rows]) seen.set(`${row.side}:${row.id}`, row);
  seen.delete(`${target.side}:${target.id}`);
  return [...seen.values()]
    .map((row) => scoreCandidate(target, row))
    .filter((candidate) => candidate.score >= 30)
    .sort((a, b) => b.score - a.score || (a.row.day ?? "").localeCompare(b.row.day ?? "") || a.row.id.localeCompare(b.row.id))
    .slice(0, MAX_CANDIDATES);
}
