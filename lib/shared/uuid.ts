import { z } from "zod";

const uuid = z.uuid();

/** Ids arrive from URLs and forms; anything that is not a UUID cannot name a row, so it is "not found". */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
