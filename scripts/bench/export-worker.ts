// One timed export in its own process, so its peak RSS is the export's alone:
//   tsx scripts/bench/export-worker.ts <xlsx|pdf|csv> <rows> <file>
// Prints {"ms":…,"maxRssBytes":…,"bytes":…} on its last line.
import fs from "node:fs";
import { once } from "node:events";
import { writePdf, writeXlsx } from "../../lib/export";
import { minorToDecimalString } from "../../lib/money";
import { MATCHED_COLUMNS, matchedRows, matchedTable } from "./matched-rows";

const [format, rowsText, file] = process.argv.slice(2);
const rows = Number(rowsText);

/** The baseline: the same rows as plain UTF-8 CSV, through a write stream that respects backpressure. */
async function writeCsv(target: string, count: number): Promise<void> {
  const out = fs.createWriteStream(target);
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  out.write(`${MATCHED_COLUMNS.map((c) => c.label).join(",")}\n`);
  for await (const row of matchedRows(count)) {
    const line = MATCHED_COLUMNS.map((c) => {
      const v = row[c.key];
      if (v === null || v === undefined) return "";
      if (c.type === "money") return minorToDecimalString(v as bigint);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return quote(String(v));
    }).join(",");
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const started = performance.now();
if (format === "xlsx") await writeXlsx(matchedTable(rows), file!);
else if (format === "pdf") await writePdf(matchedTable(rows), file!, { maxRows: Math.max(rows, 1) });
else if (format === "csv") await writeCsv(file!, rows);
else throw new Error(`unknown format ${format}`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, bytes: fs.statSync(file!).size }));
