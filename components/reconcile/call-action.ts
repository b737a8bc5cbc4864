// Calls a server action built with orgAction from an event handler (not a form), with plain fields.
import type { ActionState } from "@/lib/actions/action-state";

export type FormAction<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export async function callAction<T>(action: FormAction<T>, fields: Record<string, string>): Promise<ActionState<T>> {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  return action({ status: "idle" }, formData);
}
