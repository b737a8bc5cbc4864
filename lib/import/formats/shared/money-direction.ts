// Which way money moved, from the words exports use. Bank statements speak of 借/贷 from the bank's
// ledger: 借 (debit) is money leaving the customer's account, 贷 (credit) money arriving.
import { toHalfWidth } from "@/lib/money/to-half-width";

export type Direction = 1 | -1 | "neutral";

const INFLOW = new Set(["收入", "收", "入", "入账", "存入", "收款", "贷", "贷方", "c", "cr", "credit", "in", "+"]);
const OUTFLOW = new Set(["支出", "支", "出", "出账", "支取", "付款", "借", "借方", "d", "dr", "debit", "out", "-"]);
const NEUTRAL = new Set(["不计收支", "中性交易", "其他", "/"]);

/** 1, -1, "neutral", or null when the text is not a direction we know. */
export function parseDirection(text: string): Direction | null {
  const key = toHalfWidth(text).trim().toLowerCase();
  if (INFLOW.has(key)) return 1;
  if (OUTFLOW.has(key)) return -1;
  if (NEUTRAL.has(key)) return "neutral";
  return null;
}

// Wallets mark moves that are neither income nor expense to the person as 不计收支 (Alipay) or "/"
// (WeChat's 中性交易): refunds, top-ups, withdrawals, moves between the balance and 余额宝/零钱通,
// fund purchases. A fund account must still roll forward, so each gets a sign from its description:
// refunds and arriving money count +, money leaving the wallet (提现, 还款, 申购/买入/购买, 转出,
// 缴费) counts −. Anything undescribed is treated as arriving.
const MONEY_RETURNS = /退款|退回|退还|退费/;
const MONEY_LEAVES = /提现|还款|申购|买入|购买|转出|缴费/;

export function neutralWalletSign(...descriptions: Array<string | undefined>): 1 | -1 {
  const text = descriptions.filter(Boolean).join(" ");
  if (MONEY_RETURNS.test(text)) return 1;
  if (MONEY_LEAVES.test(text)) return -1;
  return 1;
}
