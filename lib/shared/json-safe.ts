import type { Prisma } from "@/lib/db/generated/client";

/** Dates as ISO strings and bigints as decimal strings: JSON columns cannot hold them as they are. */
export function toJsonValue(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
