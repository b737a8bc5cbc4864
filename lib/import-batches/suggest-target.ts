// Which store or fund account a file belongs to, when the format makes it obvious and the
// organization has exactly one candidate. The user can always choose another.
import type { FundAccountType, Platform } from "@/lib/db/generated/enums";

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

export function suggestFundAccount(formatId: string, accounts: Candidate<{ type: FundAccountType }>[]): string | null {
  const types = ACCOUNT_TYPES_BY_FORMAT.find(([pattern]) => pattern.test(formatId))?.[1];
  const active = accounts.filter((account) => !account.archivedAt);
  return single(types ? active.filter((account) => types.includes(account.type)) : active)?.id ?? null;
}
