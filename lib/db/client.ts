import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export { Prisma } from "./generated/client";
export type { MessageRole, TrailerOrigin } from "./generated/client";

/**
 * The one place a database client is made. Prisma (7: the pg driver adapter, no engine
 * binary) serves queries; the same pg pool serves the few bulk writes of ingestion, where
 * multi-row statements are several times faster than Prisma's per-model calls.
 */
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(databaseUrl: string, options: { maxConnections?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    // No JIT compilation: our queries are short and indexed, but the estimated cost of
    // the list's per-row subqueries passes jit_above_cost, and compiling them took 85 ms
    // of a 90 ms page query on 500,000 messages (3.6 ms without).
    options: "-c jit=off",
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  pools.set(db, pool);
  return db;
}

export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
  await pools.get(db)?.end();
}

/** The connection of a transaction inSqlTransaction opened: repositories take it to run inside the caller's transaction. */
export type SqlTransaction = pg.ClientBase;

/** Runs `fn` in one SQL transaction on a connection of the client's pool. */
export async function inSqlTransaction<T>(db: Db, fn: (sql: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) throw new Error("database client was not made by createDb");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, so that one piece of work
 * runs in one process at a time across every machine. A holder that dies loses its
 * connection and with it the lock: nobody waits for a dead worker.
 */
export async function withAdvisoryLock<T>(db: Db, key: [number, number], fn: () => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) throw new Error("database client was not made by createDb");
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", key);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", key);
    }
  } finally {
    client.release();
  }
}
