export { parseAmountToMinor, type ParseAmountResult, type ParseAmountErrorCode } from "./parse-amount";
export { formatMinor, minorToDecimalString, type MoneyLocale } from "./format-money";
export { currencyDecimals, normalizeCurrency } from "./currency";
export { toHalfWidth } from "./to-half-width";
export { parseYuanInput, readYuanInput, withinYuanInputLimit, YUAN_INPUT_LIMIT_MINOR, type YuanInputProblem, type YuanInputResult } from "./parse-yuan-input";
