// Minor units as the exports write them: "109.00", "-27.50", "1,234.00". Integer arithmetic only;
// the number is never divided into a float.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

/** 10900 → "109.00"; -2750 → "-27.50"; 0 → "0.00". */
export function minorText(amountMinor: number): string {
  const negative = amountMinor < 0;
  const magnitude = negative ? -amountMinor : amountMinor;
  const text = `${Math.floor(magnitude / 100)}.${TWO_DIGITS[magnitude % 100]}`;
  return negative ? `-${text}` : text;
}

/** 123400 → "1,234.00" (bank statements group thousands). */
export function groupedMinorText(amountMinor: number): string {
  const plain = minorText(amountMinor);
  const negative = plain.startsWith("-");
  const [integerPart = "0", fraction = "00"] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}.${fraction}`;
}
