"use client";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/lib/actions/auth/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";

export function AcceptInviteForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(acceptInvitationAction, IDLE);
  const password = useRef("");

  useEffect(() => {
    if (state.status !== "ok") return;
    void signIn("credentials", { email: state.data.email, password: password.current, redirect: false }).then(() => {
      router.replace("/");
      router.refresh();
    });
  }, [state, router]);

  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        password.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="space-y-4"
      noValidate
    >
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-sm text-slate-600">{hasAccount ? t("inviteExistingAccount") : t("inviteNewAccount")}</p>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="mode" value={hasAccount ? "existing" : "new"} />
      {hasAccount ? null : <TextField label={t("yourName")} name="name" autoComplete="name" defaultValue={submittedValue(state, "name", "")} error={error("name")} />}
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        hint={hasAccount ? undefined : t("passwordHint")}
        error={error("password")}
      />
      <Button type="submit" className="w-full" disabled={pending || state.status === "ok"}>
        {t("acceptInvite")}
      </Button>
    </form>
  );
}
