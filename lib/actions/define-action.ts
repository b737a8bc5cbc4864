// The one door for server actions: session → membership → { orgId, role } → permission → zod →
// the lib function. Errors come back as messages in the user's language, never as stack traces.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requireActionContext } from "@/lib/auth/session";
import type { OrgContext } from "@/lib/auth/load-org-context";
import type { Permission } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import type { ActionState } from "./action-state";
import { translateIssues, type Translate } from "./translate-issues";

export function formDataToObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) object[key] = value;
  }
  return object;
}

/** Runs an action body and turns failures into a message in the user's language. */
async function runSafely<T>(
  formData: FormData,
  body: (t: Translate, input: Record<string, string>) => Promise<ActionState<T>>,
): Promise<ActionState<T>> {
  const t = await getTranslations();
  const input = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(input).filter(([key]) => !/password/i.test(key)));
  try {
    const state = await body(t, input);
    return state.status === "error" ? { ...state, values } : state;
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (isAppError(error)) {
      const message = t(`errors.${error.messageKey}`, error.params);
      return { status: "error", message, fieldErrors: error.field ? { [error.field]: message } : {}, values };
    }
    console.error("Server action failed", error);
    return { status: "error", message: t("errors.UNEXPECTED"), fieldErrors: {}, values };
  }
}

type Parsed<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; state: ActionState<never> };

function parseInput<S extends z.ZodType>(schema: S, input: Record<string, string>, t: Translate): Parsed<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    state: { status: "error", message: t("errors.INVALID"), fieldErrors: translateIssues(parsed.error, t), values: {} },
  };
}

/** For members of an organization: the permission is checked before the input is even parsed. */
export function orgAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (ctx: OrgContext, input: z.output<S>) => Promise<T>,
) {
  return async function action(_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> {
    return runSafely<T>(formData, async (t, input) => {
      const ctx = await requireActionContext(permission);
      const parsed = parseInput(schema, input, t);
      if (!parsed.ok) return parsed.state;
      return { status: "ok", data: await run(ctx, parsed.data) };
    });
  };
}

/** For the few doors open before sign-in (sign-up, accepting an invitation). */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return async function action(_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> {
    return runSafely<T>(formData, async (t, input) => {
      const parsed = parseInput(schema, input, t);
      if (!parsed.ok) return parsed.state;
      return { status: "ok", data: await run(parsed.data) };
    });
  };
}
