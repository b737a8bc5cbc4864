// The flags every CLI command shares, read before the command's own: --lang (zh-CN, the default, or
// en) decides the language of everything printed, refusals included, and --json asks for a refusal
// as a JSON object on stdout too. --lang is taken out of the command's arguments; --json stays (the
// commands that print JSON read it themselves).
import type { CliLocale } from "./cli-messages";

export type GlobalCliOptions = { args: string[]; locale: CliLocale; langValid: boolean; json: boolean };

export function globalCliOptions(argv: readonly string[]): GlobalCliOptions {
  const args: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--lang") {
      lang = argv[i + 1] ?? "";
      i++;
    } else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
    else args.push(arg);
  }
  const langValid = lang === undefined || lang === "zh-CN" || lang === "en";
  return { args, locale: lang === "en" ? "en" : "zh-CN", langValid, json: args.includes("--json") };
}
