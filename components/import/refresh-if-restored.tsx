"use client";
// Browser Back shows a page from the client router cache as it was rendered then (Next.js reuses
// the cached payload on back/forward navigation, whatever revalidatePath did on the server), so the
// import list would show the list from before the upload. Each server render carries its own token;
// a token this tab has already shown is a render restored from that cache, and is refreshed.
// No clocks are compared: the browser's and the server's need not agree.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

const shown = new Set<string>();

export function RefreshIfRestored({ renderToken }: { renderToken: string }) {
  const router = useRouter();
  useEffect(() => {
    if (shown.has(renderToken)) router.refresh();
    else shown.add(renderToken);
  }, [renderToken, router]);
  return null;
}
