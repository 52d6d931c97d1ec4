import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import type { Config } from "../config/environment";
import { PatchwatchError } from "../errors";
import { closeDb, createDb, type Db } from "./client";
import { startEmbeddedServer } from "./embedded-server";
import { migrate } from "./migrate";

export interface OpenDatabase {
  db: Db;
  url: string;
  /** "url": DATABASE_URL; "embedded": a server this process started; "shared": one another process runs. */
  mode: "url" | "embedded" | "shared";
  close(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of an embedded server another Patchwatch process already runs on this data directory. */
async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const portFile = path.join(dataDir, "postgres.port");
  const passwordFile = path.join(dataDir, "postgres.password");
  if (
    !fs.existsSync(portFile) ||
    !fs.existsSync(passwordFile) ||
    !fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))
  )
    return null;
  const port = fs.readFileSync(portFile, "utf8").trim();
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const url = `postgresql://patchwatch:${encodeURIComponent(password)}@127.0.0.1:${port}/patchwatch`;
  return (await canConnect(url)) ? url : null;
}

/**
 * Connects to DATABASE_URL, or else to the embedded server under the data directory
 * (starting it when no other Patchwatch process has), and brings the schema up to date.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let mode: OpenDatabase["mode"] = "url";
  let stopServer: (() => Promise<void>) | null = null;
  if (!url) {
    url = (await runningEmbeddedUrl(config.dataDir)) ?? undefined;
    mode = "shared";
    if (!url) {
      log(`starting the embedded PostgreSQL server in ${path.join(config.dataDir, "postgres")}`);
      const server = await startEmbeddedServer(config.dataDir, log);
      url = server.url;
      mode = "embedded";
      stopServer = server.stop;
    }
  }
  try {
    await migrate(url);
  } catch (error) {
    if (stopServer) await stopServer();
    const message = (error as Error).message;
    throw new PatchwatchError("database-unavailable", `cannot prepare the database: ${message}`, {
      cause: error,
    });
  }
  const db = createDb(url);
  return {
    db,
    url,
    mode,
    async close() {
      await closeDb(db);
      if (stopServer) await stopServer();
    },
  };
}
