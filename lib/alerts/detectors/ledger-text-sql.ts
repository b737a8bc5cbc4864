// Texts of imported rows as the duplicate-money rules compare them, in SQL: full-width forms folded
// to ASCII as lib/money's toHalfWidth does (the ideographic space included), then blanks and the
// " / " the importer puts between two memo columns dropped — one layout prints 交易摘要 and 客户摘要
// apart (CMB: "网银转账 / 3月房租"), another one 摘要 column ("网银转账 3月房租"); they are one text.
// Also the org's paying entities (the matching rules' platform and wallet payers) folded the same
// way, so a receipt's counterparty is compared as the engine's PayerDirectory compares it.
import type { Tx } from "@/lib/db/client";
import { normalizeName } from "@/lib/match-engine/engine/keys";
import { getOrgRules } from "@/lib/match-rules/rules-store";

const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCodePoint(0xff01 + k)).join("") + "\u3000";
const HALF_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, k) => String.fromCodePoint(0x21 + k)).join("") + " ";

/** The two translate() strings, to bind as parameters (values only as bound parameters). */
export const FOLD_PARAMS: readonly [string, string] = [FULL_WIDTH, HALF_WIDTH];

/** SQL: `expression` folded and stripped of blanks and slashes ('' when NULL); `from`/`to` are the FOLD_PARAMS placeholders. */
export function comparableTextSql(expression: string, from: string, to: string): string {
  return `regexp_replace(translate(COALESCE(${expression}, ''), ${from}, ${to}), '[[:space:]/]+', '', 'g')`;
}

const fold = (name: string) => normalizeName(name).replace(/\//g, "");

/** The company's platform and wallet paying entities, folded like comparableTextSql folds a counterparty. */
export async function platformPayerNames(tx: Tx, orgId: string): Promise<string[]> {
  const payers = await payerLedgers(tx, orgId);
  return [...new Set([...payers.platformNames, ...payers.walletNames])];
}

/**
 * Who pays for what, as parallel arrays to bind (unnest): each platform payer's folded name beside
 * the platform (Store.platform) it pays for, each wallet payer's beside the wallet type (FundAccount.type).
 */
export async function payerLedgers(tx: Tx, orgId: string): Promise<{ platformNames: string[]; platforms: string[]; walletNames: string[]; walletTypes: string[] }> {
  const rules = await getOrgRules(tx, orgId);
  const platformPairs = Object.entries(rules.platformPayers).flatMap(([platform, names]) => (names ?? []).map((name) => [fold(name), platform] as const));
  const walletPairs = Object.entries(rules.walletPayers).flatMap(([type, names]) => (names ?? []).map((name) => [fold(name), type] as const));
  return {
    platformNames: platformPairs.map(([name]) => name),
    platforms: platformPairs.map(([, platform]) => platform),
    walletNames: walletPairs.map(([name]) => name),
    walletTypes: walletPairs.map(([, type]) => type),
  };
}
