import { GroupListPage } from "@/components/reconcile/group-list-page";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <GroupListPage mode="approvals" searchParams={await searchParams} />;
}
