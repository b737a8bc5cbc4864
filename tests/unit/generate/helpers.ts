// Shared by the generator tests: generate a small month into a fresh temporary directory, parse its
// files with the project's own importer, and read the ground truth back.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateMonth, readGroundTruth, type GeneratedFile, type GeneratedMonth, type GenerateMonthOptions, type GroundTruthRecord } from "@/lib/generate";
import { parseImportBuffer, type ImportResult } from "@/lib/import";

const made: string[] = [];

export async function generateInTemp(options: Omit<GenerateMonthOptions, "outDir">): Promise<GeneratedMonth> {
  const outDir = mkdtempSync(path.join(tmpdir(), "gen-test-"));
  made.push(outDir);
  return generateMonth({ ...options, outDir });
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type Parsed = Extract<ImportResult, { ok: true }>;

export async function parseGenerated(file: GeneratedFile): Promise<Parsed> {
  const result = await parseImportBuffer({ fileName: file.name, data: readFileSync(file.path) }, { maxErrors: 100 });
  if (!result.ok) throw new Error(`${file.name} did not import: ${JSON.stringify(result.errors)}`);
  return result;
}

export async function readAllGroundTruth(filePath: string): Promise<GroundTruthRecord[]> {
  const records: GroundTruthRecord[] = [];
  for await (const record of readGroundTruth(filePath)) records.push(record);
  return records;
}

export function fileNamed(month: GeneratedMonth, format: string): GeneratedFile {
  const file = month.files.find((candidate) => candidate.format === format);
  if (!file) throw new Error(`no ${format} file`);
  return file;
}
