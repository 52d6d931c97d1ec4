import { serverConfig } from "../config/server-config";
import { PatchwatchError } from "../errors";
import { createDb, type Db } from "./client";

/**
 * The web server's database handle: one client per process, from DATABASE_URL (set by
 * `npm start` to the embedded server's URL when none is configured).
 */
const globalForDb = globalThis as unknown as { patchwatchDb?: Db };

export function getServerDb(): Db {
  if (globalForDb.patchwatchDb) return globalForDb.patchwatchDb;
  const { databaseUrl } = serverConfig();
  if (!databaseUrl) {
    throw new PatchwatchError(
      "database-unavailable",
      "no database configured: start Patchwatch with `npm start`, or set DATABASE_URL",
    );
  }
  globalForDb.patchwatchDb = createDb(databaseUrl);
  return globalForDb.patchwatchDb;
}
