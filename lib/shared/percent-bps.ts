// Contracted fee rates are kept as integer basis points (1 bp = 0.01 %), parsed from the percent a
// person types ("5", "0.6", "0.55 %") without going through floating point.
import { z } from "zod";

const PERCENT = /^\s*(\d{1,3})(?:[.．](\d{1,2}))?\s*[%％]?\s*$/;

export function parsePercentToBps(text: string): number | null {
  const match = PERCENT.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  const bps = whole * 100 + fraction;
  return bps <= 10_000 ? bps : null;
}

/** 55 → "0.55", 500 → "5", 60 → "0.6". */
export function formatBpsAsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const FRACTION = /^\s*(0|1)(?:\.(\d{1,4}))?\s*$/;

/** A rate written as a fraction, as the CLI takes it: "0.05" → 500 bps, "0.006" → 60 bps. */
export function parseFractionToBps(text: string): number | null {
  const match = FRACTION.exec(text);
  if (!match) return null;
  const bps = Number(match[1]) * 10_000 + Number((match[2] ?? "").padEnd(4, "0"));
  return bps <= 10_000 ? bps : null;
}

/** A percent a person types in a form ("" is 0) → basis points, or the field's message. */
export const percentBpsField = z
  .string()
  .trim()
  .default("0")
  .transform((value, ctx) => {
    const bps = parsePercentToBps(value === "" ? "0" : value);
    if (bps === null) {
      ctx.addIssue({ code: "custom", message: "validation.percent" });
      return z.NEVER;
    }
    return bps;
  });
