import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { getSessionUserId } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import AuthLayout from "../../(auth)/layout";

export default async function ChangePasswordPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/login");
  const user = await db.user.findUnique({ where: { id: userId }, select: { mustChangePassword: true } });
  const t = await getTranslations("auth");
  return (
    <AuthLayout>
      <AuthCard title={t("changePasswordTitle")} subtitle={user?.mustChangePassword ? t("changePasswordIntro") : undefined}>
        <ChangePasswordForm />
      </AuthCard>
    </AuthLayout>
  );
}
