// Ids must be unique and look like a platform's numbers rather than 1, 2, 3. An affine map
// i → (i·A + B) mod M with A coprime to M is a bijection on [0, M), so distinct counters can never
// give the same id. A < 2^28 and i < 2^24 keep i·A + B below 2^53: exact in a double.
import { deriveSeed, mix32 } from "../random/derive-seed";

export const MAX_COUNTER = 2 ** 24;

export type ScrambledCounter = (counter: number) => number;

export function scrambledCounter(streamSeed: number, label: string, modulus: number): ScrambledCounter {
  const seed = deriveSeed(streamSeed, label);
  // Odd and not a multiple of 5: coprime to every modulus of the form 2^a·5^b (powers of ten, 2.5e14).
  let multiplier = ((mix32(seed) >>> 4) | 1) % modulus;
  if (multiplier % 5 === 0) multiplier += 2;
  const offset = ((mix32(seed ^ 0x5bd1e995) * 0x100000 + (mix32(seed ^ 0x1b873593) & 0xfffff)) % modulus);
  return (counter) => {
    if (!Number.isInteger(counter) || counter < 0 || counter >= MAX_COUNTER) throw new Error(`id counter out of range: ${counter}`);
    return (counter * multiplier + offset) % modulus;
  };
}

export function digits(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
