// The HTTP status a route handler answers for an AppError (server actions answer with a message only).
import type { AppError } from "@/lib/errors";

const STATUS_BY_CODE: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  LOCKED: 423,
};

export function appErrorStatus(error: AppError): number {
  if (error.messageKey === "fileTooLarge") return 413;
  return STATUS_BY_CODE[error.code];
}
