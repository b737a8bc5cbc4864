"use server";
import { publicAction } from "@/lib/actions/define-action";
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { requestClientIp } from "@/lib/auth/request-client-ip";
import { recordSignUpAttempt } from "@/lib/auth/signup-throttle";
import { db } from "@/lib/db/client";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";

/** Creates the company and its OWNER; the form then signs in with the same credentials. */
export const signUpAction = publicAction(signUpSchema, async (input) => {
  await recordSignUpAttempt(db, input.email, await requestClientIp());
  const { org } = await createOrganizationWithOwner(db, {
    companyName: input.companyName,
    owner: { name: input.name, email: input.email, password: input.password },
  });
  return { orgId: org.id };
});
