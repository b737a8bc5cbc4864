// English copy as an English reader expects it (issue 14): a count before a noun goes through an
// ICU plural ("1 order", never "1 orders"), and a value is never glued to an English word
// ("Statement汇入汇款"): a placeholder has a space or punctuation on the side of any word.
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

function flatten(object: object, prefix = ""): [string, string][] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === "object" ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value)] as [string, string]],
  );
}

/** The message with its ICU plural / select blocks removed: what is left is plain text and simple arguments. */
function outsideIcuBlocks(message: string): string {
  let out = "";
  let depth = 0;
  let inBlock = 0;
  for (let i = 0; i < message.length; i++) {
    const char = message[i]!;
    if (char === "{") {
      depth++;
      if (inBlock === 0 && /^\{\s*\w+\s*,\s*(plural|select|selectordinal)/.test(message.slice(i))) inBlock = depth;
    }
    if (inBlock === 0) out += char;
    if (char === "}") {
      if (depth === inBlock) inBlock = 0;
      depth--;
    }
  }
  return out;
}

const COUNTED_NOUNS = /\{(\w+)\}\s+(orders|rows|groups|lines|files|proposals|entries|days|matches|transactions|items|errors|stores|accounts|members|receipts|bills|runs)\b/;

describe("English messages", () => {
  const messages = flatten(en);

  it("say counts before nouns with ICU plurals", () => {
    const offenders = messages.filter(([, message]) => COUNTED_NOUNS.test(outsideIcuBlocks(message))).map(([key, message]) => `${key}: ${message}`);
    expect(offenders).toEqual([]);
  });

  it("never glue a value to an English word", () => {
    const offenders = messages
      .filter(([, message]) => /[A-Za-z]\{\w+\}|\{\w+\}[A-Za-z]/.test(outsideIcuBlocks(message)))
      .map(([key, message]) => `${key}: ${message}`);
    expect(offenders).toEqual([]);
  });

  it("the checks catch what they are for", () => {
    expect(COUNTED_NOUNS.test(outsideIcuBlocks("{count} orders matched"))).toBe(true);
    expect(COUNTED_NOUNS.test(outsideIcuBlocks("{count, plural, one {# order} other {# orders}} matched"))).toBe(false);
    expect(/[A-Za-z]\{\w+\}/.test(outsideIcuBlocks("Statement{memo}"))).toBe(true);
  });
});
