import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-base font-semibold text-slate-800">{t("app.name")}</span>
        <LocaleSwitcher label={t("shell.language")} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-10 pb-20">
        <div className="w-full max-w-md">
          {children}
          <p className="mt-6 text-center text-xs text-slate-500">{t("app.tagline")}</p>
        </div>
      </main>
    </div>
  );
}
