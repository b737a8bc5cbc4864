import { GroupListPage } from "../_shared/group-list-page";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <GroupListPage mode="proposals" searchParams={await searchParams} />;
}
