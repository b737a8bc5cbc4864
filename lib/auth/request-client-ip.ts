import "server-only";
import { headers } from "next/headers";
import { clientIpFromHeaders } from "./client-ip";

/** The client address of the request a server action or page is handling. */
export async function requestClientIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}
