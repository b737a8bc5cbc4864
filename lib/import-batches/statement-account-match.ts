// Is this file a statement of that account? Compared on what both sides really say: the digits of
// the account number (a masked number "6214****5678" on its visible digits) and the bank. Anything
// less than a clear match leaves the choice to a person; a clear difference is said out loud.
import type { StatementAccount } from "@/lib/import/statement-account/statement-account";

export type AccountIdentity = { accountNumber: string | null; institution: string | null };

/** The visible digits of a number: all of them, or the ones before and after the mask. */
type NumberShape = { head: string; tail: string };

const MASK = /[*•]+|[xX]{2,}/;
const MIN_VISIBLE_DIGITS = 4;

function numberShape(text: string | null | undefined): NumberShape | null {
  if (!text) return null;
  const compact = text.replace(/[\s-]/g, "");
  // A wallet login ("name@example.com") is not a number; the account name tells it apart instead.
  if (compact.includes("@")) return null;
  const parts = compact.split(MASK);
  const digits = (part: string) => part.replace(/\D/g, "");
  const head = digits(parts[0]!);
  const tail = parts.length > 1 ? digits(parts[parts.length - 1]!) : head;
  const visible = parts.length > 1 ? head.length + tail.length : head.length;
  return visible >= MIN_VISIBLE_DIGITS ? { head, tail } : null;
}

/** Whether the file prints a number someone could compare (at least four visible digits). */
export function hasComparableNumber(account: StatementAccount | null): boolean {
  return numberShape(account?.number) !== null;
}

/** "same" / "different" when both numbers can be compared, else "unknown". */
export function compareNumbers(fileNumber: string | null | undefined, accountNumber: string | null | undefined): "same" | "different" | "unknown" {
  const file = numberShape(fileNumber);
  const account = numberShape(accountNumber);
  if (!file || !account) return "unknown";
  const prefixFits = file.head.startsWith(account.head) || account.head.startsWith(file.head);
  const suffixFits = file.tail.endsWith(account.tail) || account.tail.endsWith(file.tail);
  return prefixFits && suffixFits ? "same" : "different";
}

// One entry per institution: the names banks and wallets go by in exports and in people's settings.
// Longer names first within each, so "中国银行" is not read inside another bank's name.
const INSTITUTIONS: [string, RegExp][] = [
  ["CCB", /建设银行|建行|China Construction Bank|\bCCB\b/i],
  ["ICBC", /工商银行|工行|Industrial and Commercial Bank|\bICBC\b/i],
  ["CMB", /招商银行|招行|China Merchants Bank|\bCMB\b/i],
  ["ABC", /农业银行|农行|Agricultural Bank|\bABC\b/i],
  ["BOCOM", /交通银行|交行|Bank of Communications|\bBOCOM\b/i],
  ["CITIC", /中信银行|中信|China CITIC|\bCITIC\b/i],
  ["CGB", /广发银行|广发|China Guangfa|\bCGB\b/i],
  ["BOC", /中国银行|中行|Bank of China|\bBOC\b/i],
  ["ALIPAY", /支付宝|Alipay/i],
  ["WECHAT", /微信|财付通|WeChat|Tenpay/i],
];

function institutionOf(name: string | null | undefined): string | null {
  if (!name) return null;
  return INSTITUTIONS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

/** "same" / "different" when both name a known bank or wallet, else "unknown". */
export function compareBanks(fileBank: string | null | undefined, institution: string | null | undefined): "same" | "different" | "unknown" {
  const file = institutionOf(fileBank);
  const account = institutionOf(institution);
  if (!file || !account) return "unknown";
  return file === account ? "same" : "different";
}

/** A file goes to an account by default only when its number matches and its bank does not differ. */
export function matchesStatement(file: StatementAccount | null, account: AccountIdentity): boolean {
  return compareNumbers(file?.number, account.accountNumber) === "same" && compareBanks(file?.bank, account.institution) !== "different";
}

/** What the file says that the chosen account contradicts, for the preview's warning; null when nothing. */
export function statementMismatch(file: StatementAccount | null, account: AccountIdentity): { number: boolean; bank: boolean } | null {
  const number = compareNumbers(file?.number, account.accountNumber) === "different";
  const bank = compareBanks(file?.bank, account.institution) === "different";
  return number || bank ? { number, bank } : null;
}
