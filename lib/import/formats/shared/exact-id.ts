// A long id that a spreadsheet stored as a number comes back in exponent form ("2.0260703100000113e+27"):
// its digits are gone, and two flows can print the same. Such text is kept as the reference the user sees
// but never used as the row's unique id (the row gets a fingerprint key instead).
const EXPONENT = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;

export function exactId(text: string | undefined): string | undefined {
  return text !== undefined && EXPONENT.test(text) ? undefined : text;
}
