"use client";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { signUpAction } from "@/lib/actions/auth/signup";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";

export function SignupForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(signUpAction, IDLE);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (state.status !== "ok" || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      // The account exists now; if signing in fails (e.g. throttled), the sign-in page says why.
      if (result?.error) {
        router.push("/login");
        return;
      }
      router.replace("/");
      router.refresh();
    });
  }, [state, router]);

  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
      }}
      className="space-y-4"
      noValidate
    >
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField label={t("companyName")} name="companyName" autoComplete="organization" defaultValue={submittedValue(state, "companyName", "")} error={fieldError("companyName")} />
      <TextField label={t("yourName")} name="name" autoComplete="name" defaultValue={submittedValue(state, "name", "")} error={fieldError("name")} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" defaultValue={submittedValue(state, "email", "")} error={fieldError("email")} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError("password")}
      />
      <Button type="submit" className="w-full" disabled={pending || state.status === "ok"}>
        {pending || state.status === "ok" ? t("signingUp") : t("signUp")}
      </Button>
    </form>
  );
}
