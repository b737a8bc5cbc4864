// What every server action returns to its form: plain data, safe to serialise to the client.
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

/**
 * React resets a form after its action runs; forms use these values (what was submitted, minus
 * passwords, which are never sent back) as defaults so that an error does not wipe the input.
 */
export function submittedValue<T>(state: ActionState<T>, name: string, fallback: string): string {
  return state.status === "error" ? (state.values[name] ?? fallback) : fallback;
}

export const IDLE: ActionState<never> = { status: "idle" };
