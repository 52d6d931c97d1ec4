/**
 * lib/db is repositories only: each file loads facts, writes a plan or lists rows. How a
 * repository reaches PostgreSQL:
 *
 * 1. Prisma's model API, `prisma(db).<model>.find/create/update/upsert/count/groupBy`, for
 *    single-row reads and writes and the lists Prisma can say (filters, order, includes).
 *    This is the default.
 * 2. Hand-written SQL, `prisma(db).$queryRaw` as a tagged template, where the query needs
 *    what Prisma cannot say well: aggregates and window functions, CTEs and lateral joins,
 *    array operators, search, row and advisory locks, `ON CONFLICT` upserts with `RETURNING`.
 *    Its row type is declared in the same file (an interface, or the type argument for a
 *    few columns) and mapped to the returned type there. `$queryRawUnsafe` with `$n`
 *    parameters only where the text is composed from shared fragments (the `*-sql.ts`
 *    files); values are always parameters, never spliced into the text.
 * 3. The pg pool, through `inSqlTransaction` (or a `SqlTransaction` handed in), for
 *    multi-row bulk writes (ingestion, the maintainers' responsible store, upstream commits)
 *    and for the series assembly's transaction, which reads and writes on one connection.
 *
 * Statements that must commit together run in `prisma(db).$transaction(async (tx) => …)`,
 * with `tx` speaking 1 and 2.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "./generated/client";

declare const handle: unique symbol;

/**
 * A connection to Patchwatch's database, opaque outside lib/db: code above lib/db hands it to
 * repositories and cannot query with it. At run time it is the PrismaClient itself.
 */
export interface Db {
  readonly [handle]: true;
}

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
  const db = new PrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  pools.set(db, pool);
  return db;
}

export async function closeDb(db: Db): Promise<void> {
  await prisma(db).$disconnect();
  await pools.get(db)?.end();
}

/** The Prisma client behind a handle: for lib/db's repositories only (eslint.config.mjs keeps it there). */
export function prisma(db: Db): PrismaClient {
  return db as unknown as PrismaClient;
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
