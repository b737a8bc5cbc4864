import { getTranslations } from "next-intl/server";
import { ArchiveButton } from "@/components/settings/archive-button";
import { FundAccountForm } from "@/components/settings/fund-account-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getFundAccountOrThrow } from "@/lib/fund-accounts/fund-account-service";
import { maskAccountNumber } from "@/lib/fund-accounts/mask-account-number";
import { findOr404 } from "@/lib/shared/page-lookup";
import { setFundAccountArchivedAction } from "@/lib/actions/settings/fund-accounts";

export default async function EditFundAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext("accounts.manage");
  const account = await findOr404(getFundAccountOrThrow(db, ctx.orgId, (await params).id));
  const t = await getTranslations("accounts");
  return (
    <div>
      <PageHeader
        title={t("editTitle")}
        intro={account.name}
        actions={<ArchiveButton id={account.id} archived={Boolean(account.archivedAt)} action={setFundAccountArchivedAction} />}
      />
      {account.archivedAt ? (
        <div className="mb-6 max-w-xl">
          <Alert tone="warning">{t("archivedNotice")}</Alert>
        </div>
      ) : null}
      <FundAccountForm
        initial={{
          id: account.id,
          name: account.name,
          type: account.type,
          institution: account.institution ?? "",
          maskedAccountNumber: maskAccountNumber(account.accountNumber) || undefined,
          currency: account.currency,
        }}
      />
    </div>
  );
}
