import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-sm text-slate-600">{t("text")}</p>
      <Link href="/" className={buttonClass("secondary", "mt-6")}>
        {t("home")}
      </Link>
    </div>
  );
}
