// The file's own words (title block, 合计, page X / Y, error texts) come from messages/*.json like
// every other UI string, read with use-intl's plain translator so a job worker or the CLI can write
// files without a Next request around them.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { ExportLocale } from "./export-table";

const MESSAGES = { "zh-CN": zhCN, en } as const;

export type ExportLabels = ReturnType<typeof exportLabels>;

export function exportLabels(locale: ExportLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "export" });
}
