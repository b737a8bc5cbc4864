// Amounts go into spreadsheets as numbers (so people can add them up), converted from integer
// minor units through their exact decimal text: Number("1234.56") is the double nearest to the
// amount, the same one Excel itself stores when a person types it. Excel keeps 15 significant
// digits, so amounts from 10^15 minor units (10 trillion yuan) up would lose their fen there:
// those are refused instead of silently rounded.
import { AppError } from "@/lib/errors";
import { currencyDecimals, minorToDecimalString } from "@/lib/money";

/** 10^15: the same bound lib/money/parse-yuan-input puts on amounts people type. */
export const MAX_EXACT_MINOR = 10n ** 15n;

export function minorToSpreadsheetNumber(value: bigint, currency: string): number {
  if (value >= MAX_EXACT_MINOR || value <= -MAX_EXACT_MINOR) {
    throw new AppError("INVALID", {
      messageKey: "exportAmountTooLarge",
      params: { amount: minorToDecimalString(value, currencyDecimals(currency)) },
    });
  }
  return Number(minorToDecimalString(value, currencyDecimals(currency)));
}

// Excel's own symbols for the currencies a Chinese seller meets; others print their ISO code.
const SYMBOLS: Record<string, string> = { CNY: "¥", USD: "$", HKD: "HK$", EUR: "€", GBP: "£", JPY: "¥" };

/** "¥#,##0.00" for CNY; "¥#,##0" for JPY; "\"SGD \"#,##0.00" for a currency without a symbol here. */
export function spreadsheetMoneyFormat(currency: string): string {
  const code = currency.toUpperCase();
  const decimals = currencyDecimals(code);
  const number = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const symbol = SYMBOLS[code];
  // ¥, $, € and £ are literal in a number format; anything longer is quoted so no letter is read
  // as a format code.
  const prefix = symbol && symbol.length === 1 ? symbol : `"${symbol ?? `${code} `}"`;
  return `${prefix}${number};-${prefix}${number}`;
}
