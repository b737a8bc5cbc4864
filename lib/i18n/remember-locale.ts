// A signed-in person's language is kept on their account, so every device they use follows it.
// Their own preference only: no company's data changes, so there is no audit row.
import type { Tx } from "@/lib/db/client";
import type { Locale } from "./locales";

export async function rememberUserLocale(db: Tx, userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
