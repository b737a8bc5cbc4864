import { GroupListPage } from "../_shared/group-list-page";
import { ApprovalThresholdsSection } from "@/components/reconcile/approval-thresholds-section";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getApprovalThresholds } from "@/lib/match-review/approval-thresholds";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const thresholds = await getApprovalThresholds(db, ctx.orgId);
  return (
    <GroupListPage mode="approvals" searchParams={await searchParams}>
      <ApprovalThresholdsSection thresholds={thresholds} canEdit={can(ctx.role, "reconcile.rules")} />
    </GroupListPage>
  );
}
