// One schema for the store form and its server actions.
import { z } from "zod";
import { percentBpsField } from "@/lib/shared/percent-bps";

export const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: "validation.currency" });

export const storeInputSchema = z.object({
  name: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" }),
  platform: z.enum(PLATFORMS, { error: "validation.choose" }),
  currency: currencySchema.default("CNY"),
  settlementTermsDays: z.coerce
    .number({ error: "validation.wholeNumber" })
    .int({ error: "validation.wholeNumber" })
    .min(0, { error: "validation.range" })
    .max(365, { error: "validation.range" }),
  feeRatePercent: percentBpsField,
});
export type StoreInput = z.output<typeof storeInputSchema>;
