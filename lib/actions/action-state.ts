// What every server action returns to its form: plain data, safe to serialise to the client.
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

export const IDLE: ActionState<never> = { status: "idle" };
