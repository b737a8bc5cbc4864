// One schema for the store form and its server actions.
import { z } from "zod";
import { percentBpsField } from "@/lib/shared/percent-bps";

/** The most automatic-confirmation days a platform is known to allow, shipping included, with room. */
export const MAX_AUTO_CONFIRM_DAYS = 90;

/**
 * 自动确认收货天数: days from payment to the platform's automatic confirmation, shipping included.
 * Empty means the platform's default (lib/receivables/expected-date.ts); absent (callers that do not
 * know the field, e.g. the CLI) leaves the store's setting as it is.
 */
export const autoConfirmDaysField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : value),
  z.coerce
    .number({ error: "stores.validation.autoConfirmDays" })
    .int({ error: "stores.validation.autoConfirmDays" })
    .min(0, { error: "stores.validation.autoConfirmDays" })
    .max(MAX_AUTO_CONFIRM_DAYS, { error: "stores.validation.autoConfirmDays" })
    .nullable()
    .optional(),
);

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
  autoConfirmDays: autoConfirmDaysField,
});
export type StoreInput = z.output<typeof storeInputSchema>;
