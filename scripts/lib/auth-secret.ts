// next-auth signs session cookies with this secret. Set AUTH_SECRET in production; on a developer's
// machine one is generated once and kept under .data/ so that restarts keep people signed in.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(projectRoot: string): string {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(projectRoot, ".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
