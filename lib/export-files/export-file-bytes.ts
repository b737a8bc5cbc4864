// A finished export's bytes, a chunk at a time (a 100 MB workbook never sits in the web server's
// memory), for the download route and the CLI.
import type { Tx } from "@/lib/db/client";

export async function* exportFileBytes(tx: Tx, orgId: string, exportId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await tx.exportFileChunk.findUnique({ where: { orgId_exportId_seq: { orgId, exportId, seq } }, select: { data: true } });
    if (!chunk) return;
    yield chunk.data;
  }
}
