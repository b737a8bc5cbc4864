// Same --orders / --seed → byte-identical files (XLSX included: its zip timestamps are pinned);
// another seed → other data. Nothing may depend on the clock, the time zone or Math.random.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateInTemp, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

function contents(files: readonly { path: string }[]): Map<string, Buffer> {
  return new Map(files.map((file) => [path.basename(file.path), readFileSync(file.path)]));
}

describe("generateMonth determinism", () => {
  it("writes byte-identical files for the same seed, whatever the time zone", async () => {
    const first = await generateInTemp({ orders: 400, seed: 11 });
    const previousTz = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    const second = await generateInTemp({ orders: 400, seed: 11 }).finally(() => {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    });
    const a = contents([...first.files, { path: first.groundTruthPath }]);
    const b = contents([...second.files, { path: second.groundTruthPath }]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBe(8);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  it("writes different data for a different seed", async () => {
    const first = contents((await generateInTemp({ orders: 400, seed: 11 })).files);
    const other = contents((await generateInTemp({ orders: 400, seed: 12 })).files);
    for (const [name, bytes] of first) expect(bytes.equals(other.get(name)!), name).toBe(false);
  });

  it("refuses options it cannot honour", async () => {
    await expect(generateInTemp({ orders: 0, seed: 1 })).rejects.toThrow(/orders/);
    await expect(generateInTemp({ orders: 10, seed: -1 })).rejects.toThrow(/seed/);
    await expect(generateInTemp({ orders: 10, seed: 1, month: "2025-13" })).rejects.toThrow(/month/);
  });
});
