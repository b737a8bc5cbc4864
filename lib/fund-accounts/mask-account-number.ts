/**
 * The UI never shows a full account number: only its last four characters, which is what finance
 * staff use to tell accounts apart ("招商银行 ···· 1234"). For an e-mail login, the domain stays.
 */
export function maskAccountNumber(accountNumber: string | null | undefined): string {
  if (!accountNumber) return "";
  const at = accountNumber.indexOf("@");
  if (at > 0) {
    const local = accountNumber.slice(0, at);
    return `${local.slice(0, 1)}***${accountNumber.slice(at)}`;
  }
  if (accountNumber.length <= 4) return `···· ${accountNumber}`;
  return `···· ${accountNumber.slice(-4)}`;
}
