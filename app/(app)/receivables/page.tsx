import { ComingSoon } from "@/components/shell/coming-soon";
import { requirePageContext } from "@/lib/auth/session";

export default async function Page() {
  await requirePageContext();
  return <ComingSoon module="receivables" />;
}
