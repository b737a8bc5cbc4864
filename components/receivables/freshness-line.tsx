// How fresh the receivables are: rebuilt from the ledger by a job after each import, run and
// manual change, so the page says when, and while a newer ledger is being taken in it says so and
// reloads itself until the rebuild is done.
import { getTranslations } from "next-intl/server";
import { RefreshWhile } from "@/components/import/refresh-while";
import type { ReceivablesFreshness } from "@/lib/receivables/stale-receivables";
import { formatLocalDateTime } from "@/lib/shared/local-time";

export async function FreshnessLine({ freshness, timeZone }: { freshness: ReceivablesFreshness; timeZone: string }) {
  const t = await getTranslations("receivables.freshness");
  const at = freshness.refreshedAt ? formatLocalDateTime(freshness.refreshedAt, timeZone).slice(0, 16) : null;
  const updating = freshness.behind || freshness.refreshing;
  const text = updating ? (at ? t("updating", { time: at }) : t("updatingFirst")) : at ? t("at", { time: at }) : t("never");
  return (
    <p className={`flex items-center gap-2 text-xs ${updating ? "text-amber-700" : "text-slate-500"}`} data-testid="receivables-freshness" data-state={updating ? "updating" : at ? "fresh" : "never"} role="status">
      {updating ? <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500" /> : null}
      {text}
      <RefreshWhile active={updating} everyMs={3000} />
    </p>
  );
}
