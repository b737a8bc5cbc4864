"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { changePasswordAction } from "@/lib/actions/auth/change-password";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/action-state";

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(changePasswordAction, IDLE);
  useEffect(() => {
    if (state.status === "ok") {
      router.replace("/");
      router.refresh();
    }
  }, [state, router]);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
      <TextField
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={error("currentPassword")}
      />
      <TextField
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={error("newPassword")}
      />
      <TextField
        label={t("confirmNewPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={error("confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("changePassword")}
      </Button>
    </form>
  );
}
