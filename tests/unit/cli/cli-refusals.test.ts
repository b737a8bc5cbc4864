// The CLI's refusals without a database: --lang and --json read before any command, a library's
// AppError worded in the locale with its field turned into the CLI's flag, and node:util's parseArgs
// errors turned into sentences. (tests/integration/cli.test.ts runs the real process.)
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CliError, cliRefusal } from "@/scripts/lib/cli-errors";
import { globalCliOptions } from "@/scripts/lib/cli-options";

function parseArgsError(args: string[]): unknown {
  try {
    parseArgs({ args, options: { file: { type: "string" }, json: { type: "boolean" } } });
  } catch (error) {
    return error;
  }
  throw new Error("parseArgs accepted the arguments");
}

describe("globalCliOptions", () => {
  it("takes --lang out of the command's arguments and notes --json", () => {
    expect(globalCliOptions(["import", "--org", "a", "--lang", "en", "--json"])).toEqual({ args: ["import", "--org", "a", "--json"], locale: "en", langValid: true, json: true });
    expect(globalCliOptions(["report", "fees", "--lang=zh-CN"])).toEqual({ args: ["report", "fees"], locale: "zh-CN", langValid: true, json: false });
    expect(globalCliOptions(["formats"])).toMatchObject({ locale: "zh-CN", langValid: true });
    expect(globalCliOptions(["formats", "--lang", "fr"])).toMatchObject({ locale: "zh-CN", langValid: false });
    expect(globalCliOptions(["formats", "--lang"])).toMatchObject({ langValid: false });
  });
});

describe("cliRefusal", () => {
  it("words the CLI's own refusals in the locale", () => {
    expect(cliRefusal(new CliError("storeNotFound", { name: "天猫店" }), "en")).toEqual({ code: "storeNotFound", message: "No store named “天猫店” (--store).", row: null, column: null });
    expect(cliRefusal(new CliError("storeNotFound", { name: "天猫店" }), "zh-CN").message).toBe("找不到名为 “天猫店” 的店铺（--store）。");
  });

  it("names the flag behind an AppError's field, never the field", () => {
    const required = new AppError("INVALID", { messageKey: "storeRequired", field: "storeId" });
    expect(cliRefusal(required, "en")).toEqual({ code: "storeRequired", message: "Choose the store this file belongs to. Name it with --store <name>.", row: null, column: null });
    expect(cliRefusal(required, "zh-CN").message).toBe("请选择这份文件所属的店铺。请用 --store <名称> 指定。");
    const archived = new AppError("INVALID", { messageKey: "targetArchived", field: "fundAccountId" });
    expect(cliRefusal(archived, "en").message).toBe("The chosen store or account is archived. (--account)");
    expect(cliRefusal(archived, "zh-CN").message).toBe("所选店铺或账户已归档。（--account）");
    const tooLarge = new AppError("INVALID", { messageKey: "fileTooLarge", params: { maxMb: 200 } });
    expect(cliRefusal(tooLarge, "en").message).toBe("The file is larger than the 200 MB limit.");
  });

  it("turns parseArgs' errors into sentences", () => {
    expect(cliRefusal(parseArgsError(["--bogus"]), "en")).toMatchObject({ code: "unknownOption", message: "Unknown option --bogus (npm run cli -- help lists each command's options)." });
    expect(cliRefusal(parseArgsError(["--file"]), "zh-CN")).toMatchObject({ code: "optionNeedsValue", message: "选项 --file 需要一个值。" });
    expect(cliRefusal(parseArgsError(["--json=yes"]), "en")).toMatchObject({ code: "optionTakesNoValue", message: "The option --json takes no value." });
    expect(cliRefusal(parseArgsError(["stray"]), "en")).toMatchObject({ code: "unexpectedArgument", message: "Unexpected argument “stray”." });
  });

  it("throws anything else on: a bug is not a refusal", () => {
    const bug = new TypeError("undefined is not a function");
    expect(() => cliRefusal(bug, "en")).toThrow(bug);
  });
});
