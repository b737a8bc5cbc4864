// Benchmarks quote medians: this machine is shared and noisy, and a median of a few runs is what
// repeats from one run to the next.

export function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The median of `times` runs of `work`, in ms. */
export async function timed(times: number, work: () => Promise<unknown>): Promise<number> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    all.push(performance.now() - started);
  }
  return median(all);
}
