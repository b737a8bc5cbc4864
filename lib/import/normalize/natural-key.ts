// Every imported row gets a key that is the same each time the same file (or an overlapping export)
// is imported, so re-importing adds nothing. Where the source has its own id (交易订单号, 账务流水号)
// that id is the key; otherwise it is a SHA-256 fingerprint of the normalised fields.
//
// Two rows of one file can be legitimately identical (two ¥12.00 coffees on the same day with no id).
// Both must be kept, so the n-th repeat of a key within one file gets "#n". Repeats are counted in a
// map keyed by 52 bits of the key's hash, not the key itself, so a million-row file costs tens of
// megabytes; a hash collision only adds a "#2" to a key that is still unique and deterministic,
// which is also why a fast non-cryptographic hash is good enough for the slots.
import { createHash } from "node:crypto";

/**
 * Normalised fields as one string: keys sorted so field order cannot matter, bigints marked so 1n and
 * "1" differ, unit/record separators between parts (they never survive cell cleaning).
 */
function canonicalText(fields: Record<string, unknown>): string {
  let out = "";
  for (const key of Object.keys(fields).sort()) {
    const value = fields[key];
    if (value === undefined) continue;
    out += `${key}\u001f${typeof value === "bigint" ? `${value}n` : String(value)}\u001e`;
  }
  return out;
}

export function fingerprint(fields: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalText(fields)).digest("hex");
}

/** cyrb53: two 32-bit multiplicative hashes folded into a 53-bit integer. */
function hash53(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class NaturalKeyAssigner {
  private readonly occurrences = new Map<number, number>();

  constructor(private readonly namespace: string) {}

  assign(fields: Record<string, unknown>, uniqueId: string | undefined): string {
    const base = uniqueId ? `${this.namespace}:${uniqueId}` : `${this.namespace}:fp:${fingerprint(fields)}`;
    const slot = hash53(base);
    const seen = (this.occurrences.get(slot) ?? 0) + 1;
    this.occurrences.set(slot, seen);
    return seen === 1 ? base : `${base}#${seen}`;
  }
}
