import { getFormatter, getTranslations } from "next-intl/server";
import {
  InviteForm,
  MemberRoleForm,
  RemoveMemberButton,
  RevokeInvitationButton,
} from "@/components/settings/member-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { canAssignRole, ROLES } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listOpenInvitations } from "@/lib/members/invitation-service";
import { listMembers } from "@/lib/members/member-service";

export default async function MembersPage() {
  const ctx = await requirePageContext("members.manage");
  const [t, format, members, invitations] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listMembers(db, ctx.orgId),
    listOpenInvitations(db, ctx.orgId),
  ]);
  // An ADMIN may hand out every role but OWNER.
  const assignable = ROLES.filter((role) => canAssignRole(ctx.role, null, role)).map((role) => ({
    value: role,
    label: t(`roles.${role}`),
  }));

  return (
    <div className="space-y-8">
      <PageHeader title={t("members.title")} intro={t("members.intro")} />
      <Table>
        <thead>
          <tr>
            <Th>{t("members.name")}</Th>
            <Th>{t("members.email")}</Th>
            <Th>{t("members.role")}</Th>
            <Th>{t("members.status")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="members-table">
          {members.map((member) => {
            const editable = canAssignRole(ctx.role, member.role, null);
            return (
              <tr key={member.userId}>
                <Td className="font-medium text-slate-900">
                  {member.user.name}
                  {member.userId === ctx.userId ? <span className="text-slate-500"> {t("members.you")}</span> : null}
                </Td>
                <Td>{member.user.email}</Td>
                <Td>
                  {editable ? (
                    <MemberRoleForm userId={member.userId} role={member.role} roles={assignable} label={t("members.changeRole")} />
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </Td>
                <Td>{member.user.mustChangePassword ? <Badge tone="warning">{t("members.mustChangePassword")}</Badge> : null}</Td>
                <Td className="text-right">
                  {editable ? <RemoveMemberButton userId={member.userId} email={member.user.email} /> : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      <Card title={t("members.add")}>
        <p className="mb-4 text-sm text-slate-600">{t("members.addIntro")}</p>
        <InviteForm roles={assignable} />
      </Card>

      {invitations.length > 0 ? (
        <Card title={t("members.openInvitations")}>
          <ul className="divide-y divide-slate-100">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                <span>
                  {invitation.email} · {t(`roles.${invitation.role}`)}
                </span>
                <span className="flex items-center gap-3 text-slate-500">
                  {t("members.expires")} {format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                  <RevokeInvitationButton id={invitation.id} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
