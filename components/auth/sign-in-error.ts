// next-auth hands the authorize() error message to the form; it is a code, translated here.
export function signInErrorMessage(error: string, t: (key: string, values?: Record<string, number>) => string): string {
  if (error === "INVALID_CREDENTIALS" || error === "CredentialsSignin") return t("invalidCredentials");
  const rateLimited = /^RATE_LIMITED:(\d+)$/.exec(error);
  if (rateLimited) {
    const seconds = Number(rateLimited[1]);
    return seconds < 120 ? t("rateLimitedSeconds", { seconds }) : t("rateLimited", { minutes: Math.ceil(seconds / 60) });
  }
  return t("signInFailed");
}
