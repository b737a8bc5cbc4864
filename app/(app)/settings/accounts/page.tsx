import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listFundAccounts } from "@/lib/fund-accounts/fund-account-service";
import { maskAccountNumber } from "@/lib/fund-accounts/mask-account-number";

export default async function FundAccountsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const ctx = await requirePageContext();
  const showArchived = (await searchParams).archived === "1";
  const [t, accounts] = await Promise.all([
    getTranslations(),
    listFundAccounts(db, ctx.orgId, { includeArchived: showArchived }),
  ]);
  const canManage = can(ctx.role, "accounts.manage");

  return (
    <div>
      <PageHeader
        title={t("accounts.title")}
        intro={t("accounts.intro")}
        actions={
          <>
            <Link href={showArchived ? "/settings/accounts" : "/settings/accounts?archived=1"} className={buttonClass("ghost")}>
              {showArchived ? t("common.hideArchived") : t("common.showArchived")}
            </Link>
            {canManage ? (
              <Link href="/settings/accounts/new" className={buttonClass("primary")}>
                {t("accounts.new")}
              </Link>
            ) : null}
          </>
        }
      />
      {accounts.length === 0 ? (
        <EmptyState>{t("accounts.empty")}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("accounts.name")}</Th>
              <Th>{t("accounts.type")}</Th>
              <Th>{t("accounts.institution")}</Th>
              <Th>{t("accounts.accountNumber")}</Th>
              <Th>{t("accounts.currency")}</Th>
              <Th>{t("members.status")}</Th>
              {canManage ? <Th className="text-right">{t("common.actions")}</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="accounts-table">
            {accounts.map((account) => (
              <tr key={account.id}>
                <Td className="font-medium text-slate-900">{account.name}</Td>
                <Td>{t(`accountTypes.${account.type}`)}</Td>
                <Td>{account.institution ?? ""}</Td>
                <Td className="num">{maskAccountNumber(account.accountNumber)}</Td>
                <Td>{account.currency}</Td>
                <Td>
                  {account.archivedAt ? <Badge tone="muted">{t("common.archived")}</Badge> : <Badge tone="brand">{t("common.active")}</Badge>}
                </Td>
                {canManage ? (
                  <Td className="text-right">
                    <Link href={`/settings/accounts/${account.id}`} className="text-brand-600 hover:underline">
                      {t("common.edit")}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
