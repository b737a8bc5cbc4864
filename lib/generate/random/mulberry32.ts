// The generator's only source of randomness. mulberry32 is a 32-bit counter-based PRNG: its whole
// state is one integer, so a fresh stream per order costs nothing and order i can be re-created later
// (for the ground truth) without replaying every order before it. Never Math.random, never the clock:
// the same seed must give byte-identical files.
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Restart the stream from another seed (reuses the object in hot loops). */
  reseed(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). Used for choices and shares only, never as an amount. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Index chosen with the given non-negative weights. */
  weightedIndex(weights: readonly number[], totalWeight: number): number {
    let target = this.next() * totalWeight;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index] ?? 0;
      if (target < 0) return index;
    }
    return weights.length - 1;
  }
}
