// For layouts no adapter knows: the user says which column holds what (on a mapping screen), and the
// mapping becomes an adapter like any other, producing the same normalised rows and errors.
import { z } from "zod";
import { currencyDecimals } from "@/lib/money";
import { defineFormat, type AnyFormatAdapter, type RowDraft } from "../formats/format-adapter";
import { parseDirection } from "../formats/shared/money-direction";
import { abs, currencyFrom, joinText, netOfSplitColumns, occurredFields } from "../formats/shared/row-values";
import { ColumnIndex } from "../normalize/column-names";
import type { RowCells } from "../normalize/row-cells";
import type { ImportError } from "../types";
import { headerSignature } from "./header-signature";

/** Values are header texts as they appear in the file. */
export const columnMappingSchema = z
  .object({
    kind: z.enum(["bank", "settlement"]).default("bank"),
    date: z.string().min(1),
    time: z.string().min(1).optional(),
    amount: z.string().min(1).optional(),
    inflow: z.string().min(1).optional(),
    outflow: z.string().min(1).optional(),
    direction: z.string().min(1).optional(),
    /**
     * One amount column without a direction column: what a positive number means. A bank prints
     * money in positive; a card statement prints spending positive. Never assumed: the person says.
     */
    amountSign: z.enum(["positiveIsIn", "positiveIsOut"]).optional(),
    reference: z.string().min(1).optional(),
    counterparty: z.string().min(1).optional(),
    counterpartyAccount: z.string().min(1).optional(),
    orderNo: z.string().min(1).optional(),
    fee: z.string().min(1).optional(),
    memo: z.string().min(1).optional(),
    balance: z.string().min(1).optional(),
    currency: z.string().min(1).optional(),
    defaultCurrency: z.string().length(3).default("CNY"),
  })
  .refine((m) => m.amount !== undefined || (m.inflow !== undefined && m.outflow !== undefined), {
    message: "amount, or inflow and outflow",
  })
  .refine((m) => m.amount === undefined || m.direction !== undefined || m.amountSign !== undefined, {
    message: "an amount without a direction column needs amountSign",
  });

export type ColumnMapping = z.input<typeof columnMappingSchema>;
type ParsedMapping = z.output<typeof columnMappingSchema>;

const MAPPED_FIELDS = [
  "date",
  "time",
  "amount",
  "inflow",
  "outflow",
  "direction",
  "reference",
  "counterparty",
  "counterpartyAccount",
  "orderNo",
  "fee",
  "memo",
  "balance",
  "currency",
] as const;

export function mappedColumnNames(mapping: ColumnMapping): string[] {
  return MAPPED_FIELDS.map((field) => mapping[field]).filter((name): name is string => typeof name === "string");
}

function signedAmount(row: RowCells, m: ParsedMapping, decimals: number): bigint | undefined {
  if (m.amount === undefined) return netOfSplitColumns(row, m.inflow ?? "", m.outflow ?? "", { decimals });
  const written = row.amount(m.amount, { required: true, decimals });
  if (written === undefined) return undefined;
  if (m.direction === undefined) return m.amountSign === "positiveIsOut" ? -written : written;
  const marker = row.text(m.direction);
  if (marker === undefined) return written;
  const direction = parseDirection(marker);
  if (direction === null || direction === "neutral") {
    row.error("INVALID_DIRECTION", m.direction, { value: marker });
    return undefined;
  }
  return abs(written) * BigInt(direction);
}

function currencyOf(row: RowCells, m: ParsedMapping): { currency: string; decimals: number } {
  const currency = m.currency ? currencyFrom(row, m.currency, m.defaultCurrency) : m.defaultCurrency;
  return { currency, decimals: currencyDecimals(currency) };
}

function mapBankRow(row: RowCells, m: ParsedMapping): RowDraft<"bank"> | null {
  const when = row.dateTime(m.date, { required: true });
  const time = m.time ? row.timeOfDay(m.time) : undefined;
  const { currency, decimals } = currencyOf(row, m);
  const amount = signedAmount(row, m, decimals);
  const fee = m.fee ? row.amount(m.fee, { decimals }) : undefined;
  if (!when || amount === undefined) return null;
  return {
    ...occurredFields(when, time),
    amountMinor: amount,
    currency,
    balanceMinor: m.balance ? row.balance(m.balance, { decimals }) : undefined,
    reference: m.reference ? row.text(m.reference) : undefined,
    counterparty: m.counterparty ? row.text(m.counterparty) : undefined,
    counterpartyAccount: m.counterpartyAccount ? row.text(m.counterpartyAccount) : undefined,
    memo: m.memo ? joinText(row.text(m.memo)) : undefined,
    merchantOrderNo: m.orderNo ? row.text(m.orderNo) : undefined,
    feeMinor: fee === undefined ? undefined : abs(fee),
  };
}

function mapSettlementRows(row: RowCells, m: ParsedMapping): RowDraft<"settlement">[] | null {
  const when = row.dateTime(m.date, { required: true });
  const time = m.time ? row.timeOfDay(m.time) : undefined;
  const { currency, decimals } = currencyOf(row, m);
  const amount = signedAmount(row, m, decimals);
  const fee = m.fee ? row.amount(m.fee, { decimals }) : undefined;
  if (!when || amount === undefined) return null;
  const shared = {
    ...occurredFields(when, time),
    orderNo: m.orderNo ? row.text(m.orderNo) : undefined,
    currency,
    reference: m.reference ? row.text(m.reference) : undefined,
  };
  const memo = m.memo ? row.text(m.memo) : undefined;
  const lines: RowDraft<"settlement">[] = [
    { ...shared, lineType: amount < 0n ? "REFUND" : "SALE", amountMinor: amount, memo },
  ];
  // A fee column is a charge whichever sign the export writes.
  if (fee !== undefined && fee !== 0n) lines.push({ ...shared, lineType: "SERVICE_FEE", amountMinor: -abs(fee), memo });
  return lines;
}

export type MappedFormat = { ok: true; adapter: AnyFormatAdapter } | { ok: false; errors: ImportError[] };

/**
 * Checks the mapping against the header and turns it into an adapter. The adapter's id is
 * "mapping:" + the header signature, so rows from the same layout get the same natural keys.
 */
export function applyColumnMapping(header: readonly string[], mapping: ColumnMapping): MappedFormat {
  const parsed = columnMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    return {
      ok: false,
      errors: [{ row: null, column: null, code: "MAPPING_INCOMPLETE", params: { detail: parsed.error.issues[0]?.message ?? "" }, severity: "error" }],
    };
  }
  const m = parsed.data;
  const columns = new ColumnIndex(header);
  const missing = mappedColumnNames(m).filter((name) => !columns.has(name));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((name) => ({ row: null, column: name, code: "MAPPING_COLUMN_MISSING" as const, params: {}, severity: "error" as const })),
    };
  }
  const signature = headerSignature(header);
  const common = {
    id: `mapping:${signature}`,
    keyNamespace: `mapping:${signature}`,
    label: { "zh-CN": "自定义列映射", en: "Custom column mapping" },
    anchorColumn: m.date,
    detect: (candidate: readonly string[]) => (mappedColumnNames(m).every((name) => new ColumnIndex(candidate).has(name)) ? 1 : 0),
  };
  const adapter: AnyFormatAdapter =
    m.kind === "settlement"
      ? defineFormat({ ...common, kind: "settlement", mapRow: (row) => mapSettlementRows(row, m) })
      : defineFormat({ ...common, kind: "bank", mapRow: (row) => mapBankRow(row, m) });
  return { ok: true, adapter };
}
