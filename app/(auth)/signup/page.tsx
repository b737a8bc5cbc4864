import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";
import { getOrgContext } from "@/lib/auth/session";

export default async function SignupPage() {
  if (await getOrgContext()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("signUpTitle")}
      subtitle={t("signUpSubtitle")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href="/login" className="font-medium text-brand-600 hover:underline">
            {t("goSignIn")}
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
