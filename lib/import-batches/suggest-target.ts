// Which store or fund account a file belongs to by default. A platform file goes to the one store of
// its platform; a bank or wallet file only to the one account whose number (and bank) the file itself
// prints — never to "the only bank account", which put one bank's statement on another bank's
// account. Without a clear match nothing is suggested and the user chooses.
import type { FundAccountType, Platform } from "@/lib/db/generated/enums";
import type { StatementAccount } from "@/lib/import/statement-account/statement-account";
import { matchesStatement, type AccountIdentity } from "./statement-account-match";

const PLATFORMS_BY_FORMAT: [RegExp, Platform[]][] = [
  [/^tmall/, ["TMALL", "TAOBAO"]],
  [/^pdd/, ["PDD"]],
  [/^jd/, ["JD"]],
  [/^douyin/, ["DOUYIN"]],
  [/^amazon/, ["AMAZON"]],
  [/^shopify/, ["SHOPIFY"]],
];

const ACCOUNT_TYPES_BY_FORMAT: [RegExp, FundAccountType[]][] = [
  [/^alipay/, ["ALIPAY"]],
  [/^wechat/, ["WECHAT"]],
  [/statement$|^generic-bank/, ["BANK"]],
];

type Candidate<T> = { id: string; archivedAt: Date | null } & T;

function single<T>(candidates: T[]): T | null {
  return candidates.length === 1 ? candidates[0]! : null;
}

export function suggestStore(formatId: string, stores: Candidate<{ platform: Platform }>[]): string | null {
  const platforms = PLATFORMS_BY_FORMAT.find(([pattern]) => pattern.test(formatId))?.[1];
  const active = stores.filter((store) => !store.archivedAt);
  return single(platforms ? active.filter((store) => platforms.includes(store.platform)) : active)?.id ?? null;
}

export function suggestFundAccount(
  formatId: string,
  statementAccount: StatementAccount | null,
  accounts: Candidate<{ type: FundAccountType } & AccountIdentity>[],
): string | null {
  const types = ACCOUNT_TYPES_BY_FORMAT.find(([pattern]) => pattern.test(formatId))?.[1];
  const active = accounts.filter((account) => !account.archivedAt && (!types || types.includes(account.type)));
  return single(active.filter((account) => matchesStatement(statementAccount, account)))?.id ?? null;
}
