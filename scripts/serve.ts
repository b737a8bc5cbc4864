// The app's HTTP server (used by `npm start` and the browser tests instead of `next start`).
// It exists for one reason: `next start` does not let the app see the TCP peer address, and
// X-Forwarded-For is written by whoever sends the request. Here every request gets the private
// header x-recon-client-ip, computed from the socket (or from X-Forwarded-For only under
// TRUST_PROXY), overwriting anything the client sent under that name; the throttles read only it.
//   PORT (3000), HOST (127.0.0.1: only this machine; HOST=0.0.0.0 to listen on all interfaces),
//   TRUST_PROXY (unset: no proxy; N: N proxies in front), NEXT_DIST_DIR (.next).
import { createServer } from "node:http";
import next from "next";
import { parseTrustProxy, stampClientAddress } from "../lib/server/client-address";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST?.trim() || "127.0.0.1";
const trustedHops = parseTrustProxy(process.env.TRUST_PROXY);

const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request, trustedHops);
  void handle(request, response);
});
server.listen(port, host, () => {
  const proxies = trustedHops === 0 ? "no proxy trusted" : `trusting ${trustedHops} proxy hop(s) in X-Forwarded-For`;
  console.log(`Ready on http://${host.includes(":") ? `[${host}]` : host}:${port} (${proxies})`);
});

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; a stop is a stop.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
