// Every imported row gets a key that is the same each time the same file (or an overlapping export)
// is imported, so re-importing adds nothing. Where the source has its own id (交易订单号, 账务流水号)
// that id is the key; otherwise it is a SHA-256 fingerprint of the normalised fields.
//
// Two rows of one file can be legitimately identical (two ¥12.00 coffees on the same day with no id).
// Both must be kept, so the n-th repeat of a key within one file gets "#n". Repeats are counted in a
// table keyed by 53 bits of the key's hash, not the key itself, so a million-row file costs at most
// 16 MiB; a hash collision only adds a "#2" to a key that is still unique and deterministic,
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

/**
 * cyrb53 of head + tail: two 32-bit multiplicative hashes folded into a 53-bit integer. Taking the
 * key in two parts spares building (and flattening) the joined string just to hash it.
 */
function hash53(head: string, tail: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const length = head.length + tail.length;
  for (let i = 0; i < length; i++) {
    const ch = i < head.length ? head.charCodeAt(i) : tail.charCodeAt(i - head.length);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Which 53-bit hashes have been seen, in an open-addressing table (linear probing) over a
 * Float64Array: 16 bytes per key at most, outside the garbage-collected heap, where a Map of a
 * million number keys costs several times that and allocates a heap number per key.
 */
class HashSet53 {
  // 0 marks a free slot, so each hash is stored plus one (still exact: hashes are below 2^53).
  private table = new Float64Array(1 << 16);
  private size = 0;

  /** Adds the hash; false when it was already there. */
  add(hash: number): boolean {
    if (this.size * 2 >= this.table.length) this.grow();
    const added = HashSet53.insert(this.table, hash + 1);
    if (added) this.size++;
    return added;
  }

  private static insert(table: Float64Array, stored: number): boolean {
    const mask = table.length - 1;
    // The low 32 bits of the hash pick the slot (`>>> 0` keeps them).
    for (let i = (stored >>> 0) & mask; ; i = (i + 1) & mask) {
      const current = table[i];
      if (current === 0) {
        table[i] = stored;
        return true;
      }
      if (current === stored) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    for (const stored of old) if (stored !== 0) HashSet53.insert(this.table, stored);
  }
}

export class NaturalKeyAssigner {
  private readonly seen = new HashSet53();
  // Only keys seen more than once get a count; in real files that is a handful.
  private readonly repeats = new Map<number, number>();

  private readonly idPrefix: string;
  private readonly fingerprintPrefix: string;

  constructor(namespace: string) {
    this.idPrefix = `${namespace}:`;
    this.fingerprintPrefix = `${namespace}:fp:`;
  }

  /** The key of a row: its source id when it has one, else a fingerprint of its fields. */
  assign(fields: Record<string, unknown>, uniqueId: string | undefined): string {
    return uniqueId ? this.forId(uniqueId) : this.forFields(fields);
  }

  forId(uniqueId: string): string {
    return this.numbered(this.idPrefix, uniqueId);
  }

  forFields(fields: Record<string, unknown>): string {
    return this.numbered(this.fingerprintPrefix, fingerprint(fields));
  }

  /** prefix + id, or "prefix + id#n" for its n-th occurrence in this file. */
  private numbered(prefix: string, id: string): string {
    const slot = hash53(prefix, id);
    const base = prefix + id;
    if (this.seen.add(slot)) return base;
    const seen = (this.repeats.get(slot) ?? 1) + 1;
    this.repeats.set(slot, seen);
    return `${base}#${seen}`;
  }
}
