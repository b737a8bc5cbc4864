// What scripts/cli.ts hands each command module: finding the --org company, refusing by message key
// (worded in --lang by the caller, see cli-errors.ts), and the --lang locale itself.
import type { Actor } from "../../lib/auth/load-org-context";
import type { Db } from "../../lib/db/client";
import type { CliLocale, CliMessageKey } from "./cli-messages";

export type CliHelpers = {
  findOrg: (db: Db, slug: string | undefined) => Promise<Actor>;
  fail: (key: CliMessageKey, params?: Record<string, string | number>) => never;
  locale: CliLocale;
};
