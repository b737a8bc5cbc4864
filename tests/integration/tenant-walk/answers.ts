// How the walk calls an action and judges its answer, in the words the user reads (zh-CN).
import { expect } from "vitest";
import { createTranslator } from "next-intl";
import messages from "@/messages/zh-CN.json";
import type { ActionState } from "@/lib/actions/action-state";

export const translate = createTranslator({ locale: "zh-CN", messages });

type AnyAction = (...args: never[]) => Promise<unknown>;
export type Call = (action: AnyAction) => Promise<unknown>;

/** A form post, as React sends it: the previous state and the fields. */
export function submit(fields: Record<string, string>): Call {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return (action) => settle((action as unknown as (previous: ActionState, form: FormData) => Promise<unknown>)({ status: "idle" }, formData));
}

/** A direct call with plain arguments (the shell's actions). */
export function invoke(...args: unknown[]): Call {
  return (action) => settle((action as unknown as (...values: unknown[]) => Promise<unknown>)(...args));
}

/** redirect() and notFound() throw on purpose; the walk records them as the answer. */
async function settle(answer: Promise<unknown>): Promise<unknown> {
  try {
    return await answer;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string") return { thrown: digest };
    throw error;
  }
}

function errorTexts(answer: unknown): string[] {
  expect(answer, "an error answer").toMatchObject({ status: "error" });
  const state = answer as Extract<ActionState, { status: "error" }>;
  return [state.message, ...Object.values(state.fieldErrors)];
}

/** The translated "not found" (or another NOT_FOUND message), as the message or a field's error. */
export function notFound(messageKey = "NOT_FOUND") {
  return (answer: unknown) => expect(errorTexts(answer)).toContain(translate(`errors.${messageKey}` as "errors.NOT_FOUND"));
}

export function refused(messageKey: string, params: Record<string, string | number> = {}) {
  return (answer: unknown) => expect(errorTexts(answer)).toContain(translate(`errors.${messageKey}` as "errors.NOT_FOUND", params));
}

export function ok(data?: unknown) {
  return (answer: unknown) => expect(answer).toMatchObject(data === undefined ? { status: "ok" } : { status: "ok", data });
}

export function redirectsTo(target: string) {
  return (answer: unknown) => expect(answer).toEqual({ thrown: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;[a-z]+;${target};`)) });
}
