import { getTranslations } from "next-intl/server";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db/client";
import { findOpenInvitation } from "@/lib/members/invitation-service";
import AuthLayout from "../../(auth)/layout";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, found] = await Promise.all([getTranslations(), findOpenInvitation(db, token)]);
  return (
    <AuthLayout>
      {found ? (
        <AuthCard
          title={t("auth.inviteTitle", { org: found.orgName })}
          subtitle={t("auth.inviteIntro", {
            email: found.invitation.email,
            role: t(`roles.${found.invitation.role}`),
            org: found.orgName,
          })}
        >
          <AcceptInviteForm token={token} hasAccount={found.hasAccount} />
        </AuthCard>
      ) : (
        <AuthCard title={t("auth.signInTitle")}>
          <Alert tone="warning">{t("auth.inviteInvalid")}</Alert>
        </AuthCard>
      )}
    </AuthLayout>
  );
}
