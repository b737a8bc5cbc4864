// Small helpers to write reasons: params are strings so output is byte-stable, and a run keeps, per
// row and side, the few most telling reasons why a pass could not place it (for the unmatched list).
import type { ReasonCode } from "../reason-codes";
import type { Reason } from "../types";
import { dateOfDay } from "./local-date";

export function reason(code: ReasonCode, params: Record<string, string | number> = {}): Reason {
  const out: Record<string, string> = {};
  for (const name in params) out[name] = String(params[name]);
  return { code, params: out };
}

const shared = new Map<string, Reason>();

/**
 * The same reason object for every group that gives it with the same params (frozen, so sharing is
 * safe): a million auto-confirmed groups need not carry a million copies of "within contract".
 */
export function sharedReason(code: ReasonCode, params?: Record<string, string | number>): Reason {
  let key: string = code;
  if (params) for (const name in params) key += `\u0000${name}=${params[name]}`;
  let found = shared.get(key);
  if (!found) {
    const made = reason(code, params);
    Object.freeze(made.params);
    found = Object.freeze(made);
    if (shared.size < 10_000) shared.set(key, found);
  }
  return found;
}

const dayTexts = new Map<number, string>();

/** "YYYY-MM-DD" of a day number; cached, since a month has few days and rows many. */
export function dayText(dayNumber: number): string {
  let text = dayTexts.get(dayNumber);
  if (text === undefined) {
    text = dateOfDay(dayNumber);
    if (dayTexts.size < 100_000) dayTexts.set(dayNumber, text);
  }
  return text;
}

/** Per row and direction, the reasons passes gave for not placing it; at most a few, first kept. */
export class MissNotes {
  private readonly notes = new Map<number, Reason[]>();
  private static readonly LIMIT = 3;

  add(row: number, direction: "upstream" | "downstream", note: Reason): void {
    const key = row * 2 + (direction === "upstream" ? 0 : 1);
    const list = this.notes.get(key);
    if (!list) {
      this.notes.set(key, [note]);
      return;
    }
    if (list.length >= MissNotes.LIMIT || list.some((other) => other.code === note.code)) return;
    list.push(note);
  }

  get(row: number, direction: "upstream" | "downstream"): readonly Reason[] {
    return this.notes.get(row * 2 + (direction === "upstream" ? 0 : 1)) ?? [];
  }
}

const sharedByValue = new Map<string, Map<string | number, Reason>>();

/** sharedReason() for the common one-parameter case, without building a cache key per call. */
export function sharedReasonWith(code: ReasonCode, name: string, value: string | number): Reason {
  let byValue = sharedByValue.get(code);
  if (!byValue) sharedByValue.set(code, (byValue = new Map()));
  let found = byValue.get(value);
  if (!found) {
    found = sharedReason(code, { [name]: value });
    if (byValue.size < 10_000) byValue.set(value, found);
  }
  return found;
}

/**
 * Reason lists made only of shared reasons are shared too (frozen), found by the identity of their
 * members: the common "order number + commission within contract" list exists once per run.
 */
export class ReasonLists {
  private readonly root = new Map<Reason, { list?: readonly Reason[]; next: Map<Reason, unknown> }>();

  get(reasons: readonly Reason[]): readonly Reason[] | undefined {
    if (reasons.length === 0 || reasons.length > 4) return undefined;
    for (const member of reasons) if (!Object.isFrozen(member)) return undefined;
    let level: Map<Reason, unknown> = this.root;
    let node: { list?: readonly Reason[]; next: Map<Reason, unknown> } | undefined;
    for (const member of reasons) {
      node = level.get(member) as typeof node;
      if (!node) level.set(member, (node = { next: new Map() }));
      level = node.next;
    }
    node!.list ??= Object.freeze(reasons.slice());
    return node!.list;
  }
}
