// Independent random streams from one user seed: every store, wallet and order gets its own seed
// derived by hashing, so adding a draw in one place does not shift the numbers anywhere else.

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the text, then mixed: "seed 7, label 'tmall'" → a 32-bit stream seed. */
export function deriveSeed(seed: number, label: string): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** The seed of item `index` (an order, a withdrawal) inside a stream. */
export function indexedSeed(streamSeed: number, index: number): number {
  return mix32(streamSeed ^ mix32(Math.imul(index + 1, 0x9e3779b1)));
}

/** A cheap, stable hash of (stream, index, salt) for cosmetic choices (buyer names, addresses). */
export function cosmeticHash(streamSeed: number, index: number, salt: number): number {
  return mix32(indexedSeed(streamSeed, index) ^ Math.imul(salt + 1, 0x27d4eb2f));
}
