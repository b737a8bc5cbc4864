// Which way money moved, from the words exports use. Bank statements speak of 借/贷 from the bank's
// ledger: 借 (debit) is money leaving the customer's account, 贷 (credit) money arriving.
import { toHalfWidth } from "@/lib/money/to-half-width";

export type Direction = 1 | -1 | "neutral";

// Every form the banks print: 借/贷 and their Dr/Cr, D/C, 收入/支出, 进账/出账, 收/付, 转入/转出
// (camt's CRDT/DBIT too). A bilingual mark ("借 Dr", "贷(Cr)") counts when all its parts agree.
const INFLOW = new Set(["收入", "收", "入", "入账", "进账", "来账", "存入", "收款", "转入", "贷", "贷方", "贷记", "c", "cr", "crdt", "credit", "in", "+"]);
const OUTFLOW = new Set(["支出", "支", "出", "出账", "往账", "支取", "付", "付款", "转出", "借", "借方", "借记", "d", "dr", "dbit", "debit", "out", "-"]);
const NEUTRAL = new Set(["不计收支", "中性交易", "其他", "/"]);

/** 1, -1, "neutral", or null when the text is not a direction we know. */
export function parseDirection(text: string): Direction | null {
  const key = toHalfWidth(text).trim().toLowerCase();
  const whole = directionOfWord(key);
  if (whole !== null || key.length < 2) return whole;
  const parts = key.split(/[\s/()|,;:-]+/).filter(Boolean);
  if (parts.length < 2) return null;
  const directions = parts.map(directionOfWord);
  const first = directions[0] ?? null;
  if (first === null || first === "neutral" || directions.some((direction) => direction !== first)) return null;
  return first;
}

function directionOfWord(word: string): Direction | null {
  if (INFLOW.has(word)) return 1;
  if (OUTFLOW.has(word)) return -1;
  if (NEUTRAL.has(word)) return "neutral";
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
