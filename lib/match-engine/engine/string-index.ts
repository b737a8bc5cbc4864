// A string → number table for a million order numbers, in typed arrays: open addressing with the
// hashes kept beside the slots, so a probe rarely touches a string, and lookups of a number inside a
// longer text ("T200P" + 订单编号) hash from an offset instead of cutting a new string per wallet line.
export class StringIndex {
  private mask: number;
  /** Entry number + 1 per slot; 0 = empty. */
  private slots: Int32Array;
  private slotHashes: Int32Array;
  private readonly keys: string[] = [];
  private values = new Int32Array(16);

  constructor(expectedSize = 16) {
    let capacity = 16;
    while (capacity < expectedSize * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.slotHashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The value of text[start…] as a key, or undefined. */
  get(text: string, start = 0): number | undefined {
    const hash = hashFrom(text, start);
    const length = text.length - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return undefined;
      if (this.slotHashes[slot] !== hash) continue;
      const key = this.keys[entry - 1]!;
      if (key.length === length && (start === 0 ? key === text : text.startsWith(key, start))) return this.values[entry - 1];
    }
  }

  set(key: string, value: number): void {
    const hash = hashFrom(key, 0);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        this.add(slot, hash, key, value);
        return;
      }
      if (this.slotHashes[slot] === hash && this.keys[entry - 1] === key) {
        this.values[entry - 1] = value;
        return;
      }
    }
  }

  private add(slot: number, hash: number, key: string, value: number): void {
    const entry = this.keys.length;
    this.keys.push(key);
    if (entry === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[entry] = value;
    this.slots[slot] = entry + 1;
    this.slotHashes[slot] = hash;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity);
    const hashes = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < this.slots.length; old++) {
      const entry = this.slots[old]!;
      if (entry === 0) continue;
      let slot = this.slotHashes[old]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
      hashes[slot] = this.slotHashes[old]!;
    }
    this.slots = slots;
    this.slotHashes = hashes;
    this.mask = mask;
  }
}

/** FNV-1a over the UTF-16 code units of text[start…], mixed so low bits spread. */
function hashFrom(text: string, start: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
}
