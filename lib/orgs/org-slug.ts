import { randomBytes } from "node:crypto";

/** Slugs name organizations in the CLI and URLs. Chinese company names have no ASCII form, so a
 * slug is derived from the ASCII part of the name when there is one, plus a random suffix. */
export function makeOrgSlug(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24);
  const suffix = randomBytes(3).toString("hex");
  return ascii ? `${ascii}-${suffix}` : `org-${suffix}`;
}

export const ORG_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,47}$/;
