import { getTranslations } from "next-intl/server";
import { FundAccountForm } from "@/components/settings/fund-account-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";

export default async function NewFundAccountPage() {
  await requirePageContext("accounts.manage");
  const t = await getTranslations("accounts");
  return (
    <div>
      <PageHeader title={t("new")} intro={t("intro")} />
      <FundAccountForm initial={{ name: "", type: "BANK", institution: "", currency: "CNY" }} />
    </div>
  );
}
