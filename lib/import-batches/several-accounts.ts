// The accounts a refused statement file holds, read back from its STATEMENT_SEVERAL_ACCOUNTS error, so
// the preview page can offer them (one import per account; lib/import/statements/statement-accounts.ts).
import { ACCOUNT_LIST_SEPARATOR } from "@/lib/import/statements/statement-accounts";
import type { ImportError } from "@/lib/import/types";

export function accountsOfRefusal(errors: readonly Pick<ImportError, "code" | "params">[]): string[] {
  const refusal = errors.find((error) => error.code === "STATEMENT_SEVERAL_ACCOUNTS");
  if (!refusal) return [];
  // "?" stands for a statement that names no account: it cannot be chosen.
  return String(refusal.params.accounts ?? "")
    .split(ACCOUNT_LIST_SEPARATOR)
    .filter((account) => account !== "" && account !== "?");
}
