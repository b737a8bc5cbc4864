// FEE_RATE_HIGH: one Tmall order's 天猫佣金 line in the Alipay 账务明细 made far larger than the
// contract (3 × the store's 5 %, and at least ¥200 so the order is looked at alone: the rule's
// minFeeMinor is ¥100), changed in place. The line is one the month's last withdrawal did not sweep,
// so no withdrawal or bank receipt changes; every later balance is lowered by the same amount so the
// balance column keeps carrying, and the footer's 支出合计 follows.
import type { AnomalyPlanter } from "./anomaly-planter";
import { fenOf, findFile, lastDataIndex, readTextFile, writeTextFile, yuanText } from "./planted-text-file";
import { TMALL_STORE_NAME } from "./tmall-order-rows";

const CONTRACT_BPS = 500;
const MIN_PLANTED_FEE_MINOR = 20_000;

const trim = (field: string | undefined) => (field ?? "").replace(/\t/g, "").trim();

export const feeRateHighPlanter: AnomalyPlanter = {
  type: "FEE_RATE_HIGH",
  async plant(month) {
    const file = findFile(month, "alipay-account-ledger");
    const text = readTextFile(file);
    const header = text.lines.findIndex((line) => line.startsWith("账务流水号"));
    const last = lastDataIndex(text.lines);
    const rows = text.lines.map((line) => line.split(","));
    let lastWithdrawal = header;
    for (let i = header + 1; i <= last; i++) if (trim(rows[i]![10]) === "提现") lastWithdrawal = i;
    // The sale of each trade (业务流水号) after the last withdrawal, and its commission line.
    const sales = new Map<string, number>();
    let chosen = -1;
    let chosenSale = -1;
    for (let i = lastWithdrawal + 1; i <= last; i++) {
      const fields = rows[i]!;
      if (trim(fields[11]) === "交易收入") sales.set(trim(fields[1]), fenOf(fields[6]!));
    }
    for (let i = lastWithdrawal + 1; i <= last; i++) {
      const fields = rows[i]!;
      if (!trim(fields[11]).startsWith("天猫佣金")) continue;
      const sale = sales.get(trim(fields[1])) ?? -1;
      if (sale > chosenSale) [chosen, chosenSale] = [i, sale];
    }
    if (chosen < 0 || chosenSale <= 0) throw new Error("no Tmall commission line after the last withdrawal");
    const fields = rows[chosen]!;
    const oldFee = fenOf(fields[7]!);
    const newFee = Math.max(Math.floor((chosenSale * CONTRACT_BPS * 3) / 10_000), MIN_PLANTED_FEE_MINOR);
    const extra = newFee - oldFee;
    fields[7] = yuanText(newFee);
    for (let i = chosen; i <= last; i++) rows[i]![8] = yuanText(fenOf(rows[i]![8]!) - extra);
    for (let i = header + 1; i <= last; i++) text.lines[i] = rows[i]!.join(",");
    const footer = text.lines.findIndex((line) => line.startsWith("#支出合计"));
    text.lines[footer] = text.lines[footer]!.replace(/共([\d.]+)元/, (_m, total: string) => `共${yuanText(fenOf(total) + extra)}元`);
    writeTextFile(text);
    const orderNo = /\[([^\]]+)\]/.exec(trim(fields[11]))?.[1] ?? "";
    return {
      planted: {
        type: "FEE_RATE_HIGH",
        note: `天猫佣金 of order ${orderNo} (sale ${chosenSale} fen) raised from ${oldFee} to ${newFee} fen in ${file.name} row ${chosen + 1}`,
        rows: [{ file: file.name, sourceRow: chosen + 1 }],
        storeName: TMALL_STORE_NAME,
      },
    };
  },
};
