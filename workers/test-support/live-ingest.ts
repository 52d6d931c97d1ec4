import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

import { parseProjectsFile, type ProjectConfig } from "../../lib/config/projects-file";
import type { Db } from "../../lib/db/client";
import { prismaForTests } from "../../lib/db/test-support/prisma-for-tests";
import { fixtures } from "../../lib/flows/ingest/test-support/import-helpers";
import type { DovecotServer } from "../../lib/imap/test-support/dovecot";
import { openMessageSource } from "../../lib/mbox/open-source";

/** Helpers shared by the live-ingestion tests: real mail, a projects file, and waiting. */

export const PASSWORD_ENV = "PATCHWATCH_TEST_IMAP_PASSWORD";

/** The first `count` messages of the LTP archive, as they are in the file. */
export async function ltpMessages(count: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const { raw } of openMessageSource(fixtures.ltp)) {
    out.push(raw);
    if (out.length === count) break;
  }
  return out;
}

/** One patchew test mail (a single raw message, gzip). */
export function patchewMail(file: string): Buffer {
  return zlib.gunzipSync(fs.readFileSync(path.join(fixtures.patchew, file)));
}

/** Projects whose IMAP sources are mailboxes of the test server. */
export function projectsReading(
  server: DovecotServer,
  projects: { name: string; lists: string[]; mailboxes: string[]; parent?: string; markSeen?: boolean }[],
): ProjectConfig[] {
  process.env[PASSWORD_ENV] = server.password;
  const file = {
    projects: projects.map((p) => ({
      name: p.name,
      ...(p.parent ? { parent: p.parent } : {}),
      lists: p.lists,
      imap: p.mailboxes.map((mailbox) => ({
        host: server.host,
        port: server.port,
        tls: false,
        user: server.user,
        passwordEnv: PASSWORD_ENV,
        mailbox,
        pollSeconds: 2,
        markSeen: p.markSeen ?? false,
      })),
    })),
  };
  return parseProjectsFile(JSON.stringify(file), "test projects").projects;
}

/** Writes projects to a file, for workers run as separate processes. */
export function writeProjectsFile(projects: ProjectConfig[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-projects-"));
  const file = path.join(dir, "projects.json");
  fs.writeFileSync(file, JSON.stringify({ projects }));
  return file;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 240_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface IngestCounts {
  raws: number;
  pending: number;
  failed: number;
  messages: number;
  distinctRawMsgids: number;
}

export async function ingestCounts(db: Db): Promise<IngestCounts> {
  const [row] = await prismaForTests(db).$queryRaw<IngestCounts[]>`
    SELECT (SELECT count(*)::int FROM raw_message) AS raws,
           (SELECT count(*)::int FROM raw_message WHERE state = 'pending') AS pending,
           (SELECT count(*)::int FROM raw_message WHERE state = 'failed') AS failed,
           (SELECT count(*)::int FROM message) AS messages,
           (SELECT count(DISTINCT msgid)::int FROM raw_message) AS "distinctRawMsgids"`;
  return row!;
}

/** Waits until `expected` messages are stored and nothing is left to process. */
export async function waitForMessages(db: Db, expected: number, timeoutMs?: number): Promise<IngestCounts> {
  let last: IngestCounts | undefined;
  try {
    return await waitFor(
      `${expected} processed messages`,
      async () => {
        last = await ingestCounts(db);
        return last.messages + last.failed >= expected && last.pending === 0 ? last : null;
      },
      timeoutMs,
    );
  } catch (error) {
    // Which count stalled (raw messages stored, or messages processed) and what the
    // process queue holds tell a lost wake-up from a stuck processor.
    const jobs = await prismaForTests(db).$queryRaw<{ state: string; n: number }[]>`
      SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = 'process' GROUP BY state`;
    throw new Error(
      `${(error as Error).message}: last counts ${JSON.stringify(last)}, process jobs ${JSON.stringify(jobs)}`,
    );
  }
}

/** Waits until no processing job is waiting or running (the series are up to date). */
export function waitForQueueIdle(db: Db, timeoutMs?: number): Promise<true> {
  return waitFor(
    "the process queue to be idle",
    async () => {
      const [row] = await prismaForTests(db).$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'process' AND state IN ('created', 'retry', 'active')`;
      return row?.n === 0;
    },
    timeoutMs,
  );
}
