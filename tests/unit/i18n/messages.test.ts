// Every string goes through the i18n layer, so both languages must have exactly the same keys, and
// every key the code names literally must exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function flatten(object: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === "object") for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(tsx?)$/.test(entry.name) ? [full] : [];
  });
}

describe("messages", () => {
  const zhKeys = flatten(zh);
  const enKeys = flatten(en);

  it("zh-CN and en have the same keys", () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it("every literal key used with a namespace-free translator exists", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.resolve(dir)));
    const missing: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      // Only files whose translator has no namespace: getTranslations() / useTranslations().
      if (!/(getTranslations|useTranslations)\(\)/.test(text)) continue;
      for (const match of text.matchAll(/\bt\("([a-zA-Z]+\.[a-zA-Z.]+)"/g)) {
        if (!zhKeys.has(match[1]!)) missing.push(`${path.relative(process.cwd(), file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every validation message key used by the schemas exists", () => {
    const files = sourceFiles(path.resolve("lib"));
    const keys = files.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/"(validation\.[a-zA-Z_]+)"/g)].map((m) => m[1]!));
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !zhKeys.has(key))).toEqual([]);
  });
});
