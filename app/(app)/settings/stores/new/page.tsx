import { getTranslations } from "next-intl/server";
import { StoreForm } from "@/components/settings/store-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";

export default async function NewStorePage() {
  await requirePageContext("stores.manage");
  const t = await getTranslations("stores");
  return (
    <div>
      <PageHeader title={t("new")} intro={t("intro")} />
      <StoreForm initial={{ name: "", platform: "TMALL", currency: "CNY", settlementTermsDays: 7, feeRatePercent: "0", autoConfirmDays: "" }} />
    </div>
  );
}
