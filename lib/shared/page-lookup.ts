import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** For pages: a lookup that answers NOT_FOUND (including another tenant's id) renders the 404 page. */
export async function findOr404<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
