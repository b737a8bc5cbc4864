// Reads a ground-truth file back record by record (for tests, scoring scripts and the demo seed),
// without loading a million-order file at once.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { GroundTruthRecord } from "./ground-truth-types";

export async function* readGroundTruth(filePath: string): AsyncGenerator<GroundTruthRecord> {
  const lines = createInterface({ input: createReadStream(filePath, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== "") yield JSON.parse(line) as GroundTruthRecord;
  }
}
