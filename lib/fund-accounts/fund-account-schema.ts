// One schema for the fund-account form and its server actions.
import { z } from "zod";
import { currencySchema } from "@/lib/stores/store-schema";

export const FUND_ACCOUNT_TYPES = ["BANK", "ALIPAY", "WECHAT", "OTHER"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((value) => value || null);

export const fundAccountInputSchema = z.object({
  name: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" }),
  type: z.enum(FUND_ACCOUNT_TYPES, { error: "validation.choose" }),
  institution: optionalText(60),
  // Bank card numbers, IBANs, or a wallet login (phone or e-mail) for Alipay / WeChat Pay.
  accountNumber: z
    .string()
    .trim()
    .max(64, { error: "validation.tooLong" })
    .regex(/^[0-9A-Za-z@._+\- ]*$/, { error: "validation.accountNumber" })
    .optional()
    .transform((value) => value?.replace(/\s+/g, "") || null),
  currency: currencySchema.default("CNY"),
});
export type FundAccountInput = z.output<typeof fundAccountInputSchema>;
