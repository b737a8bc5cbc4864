import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links that keep the other query parameters. */
export async function Pager({ path, params, page, pages, total, name = "page" }: { path: string; params: Record<string, string | undefined>; page: number; pages: number; total: number; name?: string }) {
  const t = await getTranslations("common");
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set(name, String(target));
    return `${path}?${query.toString()}`;
  };
  return (
    <div className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span className="num">{t("pageOf", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass("secondary", "py-1")}>
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={buttonClass("secondary", "py-1")}>
            {t("next")}
          </Link>
        ) : null}
      </span>
    </div>
  );
}
