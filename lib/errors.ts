// One error type for the whole app. `code` says what kind of failure it is; `messageKey` (under the
// "errors" namespace of messages/*.json) is what the user reads, in their language; `field` ties it
// to a form field when there is one.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "LOCKED";

type AppErrorOptions = { messageKey?: string; params?: Record<string, string | number>; field?: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly field?: string;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.messageKey ?? code);
    this.name = "AppError";
    this.code = code;
    this.messageKey = options.messageKey ?? code;
    this.params = options.params ?? {};
    this.field = options.field;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Prisma's unique-constraint violation (P2002), however the driver adapter reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string };
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  return (
    e?.code === "P2002" ||
    e?.cause?.code === "23505" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
