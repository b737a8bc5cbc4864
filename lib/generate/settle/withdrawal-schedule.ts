// When money leaves a wallet for the bank. Sellers withdraw every few days (the jitter is a person's
// habit), platforms that pay out directly do it on a fixed weekday. Times fall in office hours.
import { SECONDS_PER_DAY, type MonthCalendar } from "../calendar/month-calendar";
import type { Mulberry32 } from "../random/mulberry32";
import type { WalletProfile } from "../stores/store-profiles";

export function withdrawalSchedule(wallet: WalletProfile, calendar: MonthCalendar, rng: Mulberry32): number[] {
  const every = wallet.withdrawalEveryDays;
  const fixedWeekday = wallet.kind === "bank-payout" && every === 7;
  const times: number[] = [];
  for (let day = rng.int(0, every - 1); day < calendar.days; ) {
    times.push(day * SECONDS_PER_DAY + rng.int(9 * 3600, 17 * 3600 + 1800));
    day += fixedWeekday ? every : every + rng.int(-1, 1);
  }
  return times;
}
