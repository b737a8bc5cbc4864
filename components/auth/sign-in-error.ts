// next-auth hands the authorize() error message to the form; it is a code, translated here.
export function signInErrorMessage(error: string, t: (key: string, values?: Record<string, number>) => string): string {
  if (error === "INVALID_CREDENTIALS" || error === "CredentialsSignin") return t("invalidCredentials");
  const rateLimited = /^RATE_LIMITED:(\d+)$/.exec(error);
  if (rateLimited) return t("rateLimited", { minutes: Number(rateLimited[1]) });
  return t("signInFailed");
}
