"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { createInvitation, revokeInvitation } from "@/lib/members/invitation-service";
import { changeRoleSchema, inviteMemberSchema } from "@/lib/members/member-schema";
import { changeMemberRole, removeMember } from "@/lib/members/member-service";

// The one way to add a member. The answer is the same whether or not the e-mail has an account.
export const inviteMemberAction = orgAction("members.manage", inviteMemberSchema, async (ctx, input) => {
  const { token } = await createInvitation(db, ctx, input);
  revalidatePath("/settings/members");
  return { path: `/invite/${token}` };
});

export const changeRoleAction = orgAction("members.manage", changeRoleSchema, async (ctx, input) => {
  await changeMemberRole(db, ctx, input.userId, input.role);
  revalidatePath("/settings/members");
  return { userId: input.userId };
});

export const removeMemberAction = orgAction("members.manage", z.object({ userId: z.string() }), async (ctx, input) => {
  await removeMember(db, ctx, input.userId);
  revalidatePath("/settings/members");
  return { userId: input.userId };
});

export const revokeInvitationAction = orgAction("members.manage", z.object({ id: z.string() }), async (ctx, input) => {
  await revokeInvitation(db, ctx, input.id);
  revalidatePath("/settings/members");
  return { id: input.id };
});
