// What the preview learned about a bank or wallet file as a whole — the account it prints, its dates,
// totals and balance check — kept on the batch for the preview page and for the commit (which
// suggests the account from it when nothing was chosen). One JSON column, written and read here only:
// the facts are shown, never filtered or summed across batches, and platform files have none.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { StatementAccount } from "@/lib/import/statement-account/statement-account";
import { readJsonColumn } from "@/lib/shared/json-column";
import type { StatementFacts } from "./statement-facts";

export type BatchFacts = { statementAccount: StatementAccount | null; statement: StatementFacts | null };

const minor = z.string().regex(/^-?\d+$/).transform((text) => BigInt(text));

const statementAccountSchema = z.object({ number: z.string().optional(), name: z.string().optional(), bank: z.string().optional() });

const statementFactsSchema = z.object({
  count: z.number().int(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  currency: z.string().nullable(),
  mixedCurrencies: z.boolean(),
  inMinor: minor,
  outMinor: minor,
  balance: z.object({ openingMinor: minor, closingMinor: minor, brokenAtRow: z.number().int().nullable() }).nullable(),
});

const batchFactsSchema = z.union([
  z.object({ statementAccount: statementAccountSchema.nullable(), statement: statementFactsSchema.nullable() }),
  // The column's default, and every batch read before the facts were kept.
  z.object({}).strict().transform((): BatchFacts => ({ statementAccount: null, statement: null })),
]);

export function batchFactsJson(facts: BatchFacts): Prisma.InputJsonValue {
  const statement = facts.statement;
  return {
    statementAccount: facts.statementAccount ? { ...facts.statementAccount } : null,
    statement: statement
      ? {
          ...statement,
          inMinor: String(statement.inMinor),
          outMinor: String(statement.outMinor),
          balance: statement.balance
            ? {
                openingMinor: String(statement.balance.openingMinor),
                closingMinor: String(statement.balance.closingMinor),
                brokenAtRow: statement.balance.brokenAtRow,
              }
            : null,
        }
      : null,
  };
}

export function batchFacts(batch: { id: string; facts: unknown }): BatchFacts {
  return readJsonColumn(batchFactsSchema, batch.facts, "ImportBatch.facts", batch.id);
}
