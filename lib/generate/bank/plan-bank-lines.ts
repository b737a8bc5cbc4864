// The company's main bank account for the month: every withdrawal and payout that arrived, mixed
// with the ordinary life of a company (salaries, tax, social insurance, rent, suppliers, utilities,
// bank fees, quarterly interest) so that roughly a sixth to a quarter of the lines belong to no shop.
// About 20 % of platform credits are booked the day after the wallet's withdrawal, as in real data;
// a credit that would land after the month end is not on this statement.
import { SECONDS_PER_DAY, type MonthCalendar } from "../calendar/month-calendar";
import type { PlatformIds } from "../ids/platform-ids";
import { addMinor, percentOfMinor } from "../money/percent-of-minor";
import type { Mulberry32 } from "../random/mulberry32";
import type { Withdrawal } from "../settle/run-wallet";
import type { StoreProfile } from "../stores/store-profiles";
import type { BankLine, BankLineCategory } from "./bank-line";

export const NEXT_DAY_SHARE_PERCENT = 20;
const HOUR = 3600;

export interface StoreWithdrawals {
  profile: StoreProfile;
  withdrawals: readonly Withdrawal[];
}

export interface PlannedBankStatement {
  /** Sorted by booking time. */
  lines: BankLine[];
  openingBalanceMinor: number;
}

const SUPPLIERS: Array<[name: string, account: string]> = [
  ["义乌市佳和日用品有限公司", "19560101040012345"],
  ["深圳市科讯电子有限公司", "755912345610901"],
  ["杭州丝路服饰有限公司", "33050161723500012345"],
  ["五常市稻香米业有限公司", "23050186553600001234"],
];

function platformCredits(stores: readonly StoreWithdrawals[], calendar: MonthCalendar, rng: Mulberry32): BankLine[] {
  const all = stores.flatMap(({ profile, withdrawals }) => withdrawals.map((withdrawal) => ({ profile, withdrawal })));
  // Exactly a fifth (rounded) of the credits, chosen by a seeded shuffle, are booked a day late.
  const order = all.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const late = new Set(order.slice(0, Math.round((all.length * NEXT_DAY_SHARE_PERCENT) / 100)));
  const lines: BankLine[] = [];
  all.forEach(({ profile, withdrawal }, index) => {
    const dayStart = Math.floor(withdrawal.timeSec / SECONDS_PER_DAY) * SECONDS_PER_DAY;
    const timeSec = late.has(index)
      ? dayStart + SECONDS_PER_DAY + rng.int(9 * HOUR, 11 * HOUR)
      : Math.min(dayStart + SECONDS_PER_DAY - 1, withdrawal.timeSec + rng.int(300, 90 * 60));
    if (timeSec >= calendar.endSec) return;
    const wallet = profile.wallet;
    lines.push({
      timeSec,
      amountMinor: withdrawal.amountMinor,
      counterpartyName: wallet.payerName,
      counterpartyAccount: wallet.payerAccount,
      summary: "汇入汇款",
      note: `${wallet.bankMemoPrefix} ${withdrawal.id}`,
      category: wallet.kind === "bank-payout" ? "PAYOUT" : "WITHDRAWAL",
      source: { store: profile.key, sequence: withdrawal.sequence, id: withdrawal.id },
      reference: "",
      row: 0,
      balanceMinor: 0,
    });
  });
  return lines;
}

function unrelatedCategories(count: number, calendar: MonthCalendar): BankLineCategory[] {
  const fixed: BankLineCategory[] = ["SALARY", "TAX", "SOCIAL_INSURANCE", "RENT"];
  // Banks pay current-account interest on the 21st of the last month of each quarter.
  if (calendar.monthNumber % 3 === 0) fixed.splice(2, 0, "INTEREST");
  const filler: BankLineCategory[] = ["SUPPLIER", "BANK_FEE", "SUPPLIER", "UTILITIES", "BANK_FEE"];
  const categories: BankLineCategory[] = [];
  for (let i = 0; categories.length < count; i++) categories.push(i < fixed.length ? fixed[i]! : filler[(i - fixed.length) % filler.length]!);
  return categories;
}

/** Whole yuan, never below a floor, as a share (bp) of the month's platform receipts. */
function scaledYuan(volumeMinor: number, rng: Mulberry32, minBps: number, maxBps: number, floorMinor: number): number {
  const share = percentOfMinor(volumeMinor, rng.int(minBps, maxBps));
  return Math.max(floorMinor, Math.floor(share / 100) * 100);
}

function unrelatedLine(category: BankLineCategory, volumeMinor: number, calendar: MonthCalendar, rng: Mulberry32): BankLine {
  const at = (dayIndex: number) => Math.min(calendar.days - 1, dayIndex) * SECONDS_PER_DAY + rng.int(9 * HOUR, 17 * HOUR);
  const anyDay = () => at(rng.int(0, calendar.days - 1));
  const m = calendar.monthNumber;
  const line = (timeSec: number, amountMinor: number, name: string, account: string, summary: string, note: string): BankLine => ({
    timeSec,
    amountMinor,
    counterpartyName: name,
    counterpartyAccount: account,
    summary,
    note,
    category,
    reference: "",
    row: 0,
    balanceMinor: 0,
  });
  switch (category) {
    case "SALARY":
      return line(at(9), -scaledYuan(volumeMinor, rng, 600, 900, 2_000_000), "", "", "代发工资", `${m}月工资`);
    case "TAX":
      return line(at(14), -scaledYuan(volumeMinor, rng, 200, 400, 50_000), "国家金库上海市分库", "270000000000000001", "实时缴税", "增值税");
    case "SOCIAL_INSURANCE":
      return line(at(14), -scaledYuan(volumeMinor, rng, 150, 250, 300_000), "上海市社会保险事业管理中心", "310000000000000002", "代扣社保", `${m}月社保`);
    case "RENT":
      return line(at(rng.int(0, 4)), -scaledYuan(volumeMinor, rng, 100, 200, 1_500_000), "上海漕河泾物业管理有限公司", "31001520313050001234", "网银转账", `${m}月房租`);
    case "SUPPLIER": {
      const [name, account] = rng.pick(SUPPLIERS);
      return line(anyDay(), -scaledYuan(volumeMinor, rng, 300, 800, 500_000), name, account, "网银转账", `货款 采购单CG${calendar.month.replace("-", "")}${String(rng.int(1, 99)).padStart(2, "0")}`);
    }
    case "UTILITIES":
      return line(anyDay(), -scaledYuan(volumeMinor, rng, 20, 50, 30_000), "国网上海市电力公司", "310000000000000003", "代扣电费", "电费");
    case "BANK_FEE":
      return line(anyDay(), -rng.int(5, 50) * 100, "招商银行股份有限公司", "", rng.chance(0.5) ? "手续费" : "账户管理费", "");
    case "INTEREST":
      return line(at(20), scaledYuan(volumeMinor, rng, 1, 5, 1_000), "招商银行股份有限公司", "", "结息", "活期结息");
    default:
      throw new Error(`no unrelated bank line for ${category satisfies "WITHDRAWAL" | "PAYOUT"}`);
  }
}

export function planBankStatement(stores: readonly StoreWithdrawals[], calendar: MonthCalendar, rng: Mulberry32, ids: PlatformIds): PlannedBankStatement {
  const credits = platformCredits(stores, calendar, rng);
  const volume = credits.reduce((sum, line) => addMinor(sum, line.amountMinor), 0);
  // 20–30 unrelated lines per 100 platform credits: 17–23 % of the statement.
  const unrelatedCount = Math.max(1, Math.round((credits.length * rng.int(20, 30)) / 100));
  const unrelated = unrelatedCategories(unrelatedCount, calendar).map((category) => unrelatedLine(category, volume, calendar, rng));
  const lines = [...credits, ...unrelated]
    .map((line, position) => ({ line, position }))
    .sort((a, b) => a.line.timeSec - b.line.timeSec || a.position - b.position)
    .map(({ line }) => line);
  lines.forEach((line, sequence) => (line.reference = ids.bankSerialNo(sequence, calendar.compactDateOf(line.timeSec))));
  // Enough in the account that the balance never dips below zero, whatever the order of the lines.
  const outflows = lines.reduce((sum, line) => (line.amountMinor < 0 ? addMinor(sum, -line.amountMinor) : sum), 0);
  return { lines, openingBalanceMinor: addMinor(rng.int(200_000, 800_000) * 100, outflows) };
}
