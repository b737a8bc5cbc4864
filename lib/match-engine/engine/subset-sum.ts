// Bounded subset-sum by meeting in the middle: which of n ≤ 24 positive amounts add up to a target
// within a tolerance? Half the candidates are enumerated (≤ 4 096 sums) and sorted, the other half
// searched against them, so a search costs milliseconds. Only a unique answer is useful to a person
// confirming money, so the search stops as soon as a second one turns up.
export const MAX_SUBSET_CANDIDATES = 24;

export type SubsetSearch = { kind: "unique"; indices: number[] } | { kind: "none" } | { kind: "ambiguous" };

export function uniqueSubsetSum(values: readonly number[], target: number, tolerance: number): SubsetSearch {
  const n = values.length;
  if (n === 0) return { kind: "none" };
  if (n > MAX_SUBSET_CANDIDATES) throw new Error(`subset-sum over ${n} candidates (max ${MAX_SUBSET_CANDIDATES})`);
  const half = n >>> 1;
  const rightCount = n - half;
  const rightSize = 1 << rightCount;
  // Sums of every subset of the right half, sorted, with the subset's mask alongside.
  const rightSums = new Float64Array(rightSize);
  for (let mask = 1; mask < rightSize; mask++) {
    const low = mask & -mask;
    rightSums[mask] = rightSums[mask ^ low]! + values[half + 31 - Math.clz32(low)]!;
  }
  const order = Uint32Array.from({ length: rightSize }, (_, k) => k).sort((a, b) => rightSums[a]! - rightSums[b]! || a - b);
  const sorted = Float64Array.from(order, (mask) => rightSums[mask]!);

  let found: number[] | undefined;
  const leftSize = 1 << half;
  const leftSums = new Float64Array(leftSize);
  for (let mask = 0; mask < leftSize; mask++) {
    if (mask > 0) {
      const low = mask & -mask;
      leftSums[mask] = leftSums[mask ^ low]! + values[31 - Math.clz32(low)]!;
    }
    const from = lowerBound(sorted, target - tolerance - leftSums[mask]!);
    const to = lowerBound(sorted, target + tolerance - leftSums[mask]! + 0.5);
    for (let k = from; k < to; k++) {
      const rightMask = order[k]!;
      if (mask === 0 && rightMask === 0) continue;
      if (found) return { kind: "ambiguous" };
      found = [];
      for (let bit = 0; bit < half; bit++) if (mask & (1 << bit)) found.push(bit);
      for (let bit = 0; bit < rightCount; bit++) if (rightMask & (1 << bit)) found.push(half + bit);
    }
  }
  return found ? { kind: "unique", indices: found } : { kind: "none" };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
