// Every export source is named in the export centre and the audit log (export.sources.<id>), in both languages.
import { describe, expect, it } from "vitest";
import { EXPORT_SOURCES } from "@/lib/export-sources/export-sources";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("export source titles", () => {
  it("has a title for every source in Chinese and English", () => {
    for (const messages of [zh, en]) {
      const titles = messages.export.sources as Record<string, string>;
      expect(Object.keys(EXPORT_SOURCES).filter((id) => !titles[id])).toEqual([]);
    }
  });
});
