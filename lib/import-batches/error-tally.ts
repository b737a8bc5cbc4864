// Counts a file's problems while its rows stream past, keeping only the first few for people to
// read: invalid rows (a row with several bad cells counts once) and warnings.
import type { ImportError } from "@/lib/import/types";
import { KEPT_ERRORS } from "./import-limits";

export class ErrorTally {
  readonly kept: ImportError[] = [];
  private readonly invalidRowNumbers = new Set<number>();
  warningCount = 0;

  add(errors: readonly ImportError[]): void {
    for (const error of errors) {
      if (error.severity === "error") this.invalidRowNumbers.add(error.row ?? -1);
      else this.warningCount++;
      if (this.kept.length < KEPT_ERRORS) this.kept.push(error);
    }
  }

  get invalidCount(): number {
    return this.invalidRowNumbers.size;
  }
}
