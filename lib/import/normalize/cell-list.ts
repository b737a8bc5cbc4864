// A data row's cells by position. Text rows come from the CSV reader uncleaned and are cleaned here
// one cell at a time, when first read: an adapter reads about ten of a Tmall export's sixty-one
// columns, and cleaning the rest of every row of a million-row file was a large part of the work.
import { cleanCell } from "../read-table/clean-cell";

/** Cells by position (undefined past the end); a plain array is one. */
export interface CellList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Raw CSV cells, each cleaned (see clean-cell) once, the first time it is read. */
export class LazilyCleanedCells implements CellList {
  // Cells are cleaned in place; these are the positions already done. Cleaning is not idempotent
  // (="=""1""" → ="1" → 1), so a cell must not be cleaned twice. A row has only a handful, so a
  // short list is cheaper than a flag per cell.
  private readonly cleanedAt: number[] = [];

  /** `cells` becomes this object's: it is cleaned in place. */
  constructor(private readonly cells: string[]) {}

  get length(): number {
    return this.cells.length;
  }

  at(index: number): string | undefined {
    const cell = this.cells[index];
    if (cell === undefined || this.cleanedAt.includes(index)) return cell;
    const value = cleanCell(cell);
    this.cells[index] = value;
    this.cleanedAt.push(index);
    return value;
  }
}
