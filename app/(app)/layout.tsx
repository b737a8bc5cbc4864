import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppLogo } from "@/components/shell/app-logo";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { MobileNav } from "@/components/shell/mobile-nav";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SidebarNav, type NavSection } from "@/components/shell/sidebar-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { listUserOrganizations } from "@/lib/auth/load-org-context";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { countOpenAlerts } from "@/lib/alerts/list-alerts";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext();
  if (ctx.mustChangePassword) redirect("/account/password");
  // The 数据分析 badge: one count of the open alerts over the (orgId, status) index.
  const [t, organizations, openAlerts] = await Promise.all([getTranslations(), listUserOrganizations(db, ctx.userId), countOpenAlerts(db, ctx.orgId)]);

  const sections: NavSection[] = [
    {
      items: [
        { href: "/", label: t("nav.overview"), icon: "◎" },
        { href: "/import", label: t("nav.import"), icon: "⇪" },
        { href: "/reconcile", label: t("nav.reconcile"), icon: "⇄" },
        { href: "/receivables", label: t("nav.receivables"), icon: "¥" },
        { href: "/reports", label: t("nav.reports"), icon: "▤" },
        { href: "/analysis", label: t("nav.analysis"), icon: "↗", badge: { count: openAlerts, label: t("alerts.navBadge", { count: openAlerts }) } },
        { href: "/export", label: t("nav.export"), icon: "⇩" },
      ],
    },
    {
      label: t("nav.settings"),
      items: [
        { href: "/settings/stores", label: t("nav.stores"), icon: "▣" },
        { href: "/settings/accounts", label: t("nav.accounts"), icon: "▭" },
        { href: "/settings/matching-rules", label: t("matchingRules.nav"), icon: "⚖" },
        { href: "/settings/receivables", label: t("receivableSettings.nav"), icon: "◷" },
        { href: "/settings/alerts", label: t("alerts.settingsNav"), icon: "⚠" },
        ...(can(ctx.role, "members.manage") ? [{ href: "/settings/members", label: t("nav.members"), icon: "☺" }] : []),
        ...(can(ctx.role, "audit.read") ? [{ href: "/settings/audit", label: t("nav.audit"), icon: "☰" }] : []),
      ],
    },
  ];

  const brand = (
    <div className="flex min-w-0 items-center gap-2.5">
      <AppLogo className="shrink-0" />
      <div className="min-w-0">
        <p className="text-base font-semibold text-white">{t("app.name")}</p>
        <p className="mt-0.5 truncate text-xs text-shell-muted">{ctx.orgName}</p>
      </div>
    </div>
  );

  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 flex-col bg-shell px-3 py-5 md:flex">
        <div className="mb-6 px-3">{brand}</div>
        <SidebarNav sections={sections} ariaLabel={t("nav.mainMenu")} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 md:px-6">
          <MobileNav sections={sections} ariaLabel={t("nav.mainMenu")} openLabel={t("nav.openMenu")} closeLabel={t("nav.closeMenu")} brand={brand} />
          <OrgSwitcher
            current={ctx.orgId}
            choices={organizations.map((o) => ({ orgId: o.orgId, name: o.name }))}
            label={t("shell.switchOrg")}
          />
          <div className="flex items-center gap-3">
            <LocaleSwitcher label={t("shell.language")} />
            <span className="hidden text-right text-xs leading-tight text-slate-500 sm:block" data-testid="current-user">
              <span className="block font-medium text-slate-700">{ctx.userName}</span>
              {t(`roles.${ctx.role}`)}
            </span>
            <SignOutButton label={t("shell.signOut")} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-screen-2xl flex-1 px-4 py-6 md:px-6 md:py-8">{children}</main>
      </div>
    </div>
  );
}
