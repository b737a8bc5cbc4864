"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  changeRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/lib/actions/settings/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";

type RoleOption = { value: string; label: string };

function ErrorText({ message }: { message?: string }) {
  return message ? (
    <span role="alert" className="text-sm text-red-600">
      {message}
    </span>
  ) : null;
}

/** Adding a member = creating an invitation link; the admin hands it over. */
export function InviteForm({ roles }: { roles: RoleOption[] }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(inviteMemberAction, IDLE);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === "error" && Object.keys(state.fieldErrors).length === 0 ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" ? (
        <Alert tone="success">
          {t("inviteCreated")}{" "}
          <code data-testid="invite-link" className="break-all rounded bg-white px-1.5 py-0.5 font-mono text-xs">
            {/* Only ever rendered after a submission, so in the browser. */}
            {window.location.origin}
            {state.data.path}
          </code>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <TextField label={t("email")} name="email" type="email" defaultValue={submittedValue(state, "email", "")} error={error("email")} />
        </div>
        <SelectField label={t("role")} name="role" defaultValue={submittedValue(state, "role", "ACCOUNTANT")} options={roles} error={error("role")} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("inviteButton")}
      </Button>
    </form>
  );
}

export function MemberRoleForm({ userId, role, roles, label }: { userId: string; role: string; roles: RoleOption[]; label: string }) {
  const [state, formAction, pending] = useActionState(changeRoleAction, IDLE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        aria-label={label}
        defaultValue={role}
        disabled={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border-0 py-1 pr-7 pl-2 text-sm ring-1 ring-slate-300"
      >
        {roles.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText message={state.status === "error" ? state.message : undefined} />
    </form>
  );
}

export function RemoveMemberButton({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(removeMemberAction, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("removeConfirm", { email }))) event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="ghost" disabled={pending} className="!px-2 !py-1 text-red-700">
        {t("remove")}
      </Button>
      <ErrorText message={state.status === "error" ? state.message : undefined} />
    </form>
  );
}

export function RevokeInvitationButton({ id }: { id: string }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(revokeInvitationAction, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={pending} className="!px-2 !py-1">
        {t("revoke")}
      </Button>
      <ErrorText message={state.status === "error" ? state.message : undefined} />
    </form>
  );
}
