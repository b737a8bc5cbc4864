// The non-tabular bank statement formats (OFX, camt.052/053/054, MT940) reach the row pipeline as a
// synthetic table (statements/statement-table.ts). One adapter per format over that table: it
// recognises only the synthetic header with its format's marker, so no CSV can be taken for one.
import { currencyDecimals } from "@/lib/money";
import { defineFormat } from "../format-adapter";
import type { LocalizedLabel } from "../../types";
import { STATEMENT_COLUMNS, STATEMENT_PREAMBLE_MARKER, type StatementFormat } from "../../statements/statement-table";
import { currencyFrom, occurredFields } from "./row-values";

const PLAIN_AMOUNT = /^-?\d+(?:\.\d+)?$/;

export const statementPreamble = (format: StatementFormat) => `${STATEMENT_PREAMBLE_MARKER} ${format}`;

export function defineStatementFormat(spec: { id: string; format: StatementFormat; keyNamespace: string; label: LocalizedLabel }) {
  const marker = statementPreamble(spec.format);
  return defineFormat({
    id: spec.id,
    kind: "bank",
    keyNamespace: spec.keyNamespace,
    label: spec.label,
    anchorColumn: "line",
    detect(header, preamble) {
      const same = header.length === STATEMENT_COLUMNS.length && STATEMENT_COLUMNS.every((name, i) => header[i] === name);
      return same && preamble.includes(marker) ? 1 : 0;
    },
    mapRow(row) {
      // A camt entry not booked (pending, information only) has moved no money yet.
      const status = row.text("status");
      if (status) return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", "status", { status });
      const when = row.dateTime("date", { required: true });
      const currency = currencyFrom(row, "currency", "");
      if (!currency && !row.hasErrors) row.error("MISSING_VALUE", "currency", {});
      const decimals = currencyDecimals(currency || "XXX");
      const amountText = row.text("amount");
      let amount: bigint | undefined;
      if (amountText === undefined) row.error("MISSING_VALUE", "amount", {});
      else if (!PLAIN_AMOUNT.test(amountText)) row.error("INVALID_AMOUNT", "amount", { value: amountText.slice(0, 60) });
      else amount = row.amount("amount", { required: true, decimals });
      const direction = row.raw("credit/debit") ?? "";
      if (direction !== "" && direction !== "C" && direction !== "D") {
        row.error("INVALID_DIRECTION", "credit/debit", { value: direction.slice(0, 60) });
      }
      if (!when || amount === undefined || row.hasErrors) return null;
      const magnitude = amount < 0n ? -amount : amount;
      const signed = direction === "C" ? magnitude : direction === "D" ? -magnitude : amount;
      return {
        ...occurredFields(when),
        amountMinor: signed,
        currency,
        balanceMinor: row.balance("balance", { decimals }),
        reference: row.text("reference"),
        secondaryReference: row.text("secondary reference"),
        counterparty: row.text("counterparty"),
        counterpartyAccount: row.text("counterparty account"),
        memo: row.text("memo"),
        uniqueId: row.text("unique id"),
      };
    },
  });
}
