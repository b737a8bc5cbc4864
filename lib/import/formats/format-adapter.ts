// The contract of one source format (one file each in this folder). An adapter only knows its own
// layout: which header it recognises and how one row maps to normalised rows. Reading files,
// finding the header, footers, natural keys and batching are the pipeline's job.
import type { ColumnNames } from "../normalize/column-names";
import type { RowCells } from "../normalize/row-cells";
import type { StatementAccountLayout } from "../statement-account/statement-account";
import type { ImportKind, LocalizedLabel, RowOfKind } from "../types";

/** A normalised row before the pipeline adds sourceRow and naturalKey. */
export type RowDraft<K extends ImportKind> = Omit<RowOfKind<K>, "sourceRow" | "naturalKey"> & {
  /** The source's own unique id for the row, when it has one; otherwise a fingerprint is used. */
  uniqueId?: string;
};

/**
 * What a row alone does not say but the file does: the lines above the header. Credit-card statements
 * print "12/29" under a title holding the statement month ("招商银行信用卡对账单（… 2024年01月）").
 */
export interface FileContext {
  readonly preamble: readonly string[];
}

export interface FormatAdapter<K extends ImportKind = ImportKind> {
  readonly id: string;
  readonly kind: K;
  readonly label: LocalizedLabel;
  /** Natural keys start with this; layouts of one source share it ("alipay", "icbc"). */
  readonly keyNamespace: string;
  /**
   * A column every real data row fills (usually the date). Rows at the end of the file with it
   * empty are summaries ("合计", "共 35 笔记录") and are dropped.
   */
  readonly anchorColumn: ColumnNames;
  /**
   * Corporate exports that print the company's own account on every row (本方账号): a file of several
   * accounts is refused, or read for the one chosen (normalize/own-accounts.ts).
   */
  readonly ownAccountColumn?: ColumnNames;
  /** Bank and wallet exports: the bank they belong to and the labels their own account is printed under. */
  readonly statementAccount?: StatementAccountLayout;
  /** How well a candidate header row (and the lines above it) fits this format, 0..1. */
  detect(header: readonly string[], preamble: readonly string[]): number;
  /** null: nothing to import (the row recorded why). An array: one source row, several lines. */
  mapRow(row: RowCells, file: FileContext): RowDraft<K> | readonly RowDraft<K>[] | null;
}

export type AnyFormatAdapter = FormatAdapter<"bank"> | FormatAdapter<"orders"> | FormatAdapter<"settlement">;

/** Identity function that lets TypeScript infer K from the `kind` literal. */
export function defineFormat<K extends ImportKind>(adapter: FormatAdapter<K>): FormatAdapter<K> {
  return adapter;
}
