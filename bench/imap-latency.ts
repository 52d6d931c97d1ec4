/**
 * bench/imap-latency: live ingestion from a real Dovecot (Debian's dovecot-imapd).
 *
 *   npm run bench:imap [-- --rate 10] [--messages 300] [--catchup 10000]
 *
 * 1. Latency: APPENDs LTP messages one by one at a steady rate while the workers run,
 *    and measures for each the time from APPEND to being visible in its series in the
 *    database (classified, and attached to its series when it has one): p50, p95, max.
 * 2. Catch-up: a mailbox holding `--catchup` messages (the LTP archive repeated under
 *    rewritten Message-IDs) is read from scratch; the rate is compared with importing
 *    the same messages from an mbox file in the same run.
 * With DATABASE_URL set, fresh databases are made on that server; otherwise on a
 * private embedded server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { loadConfig } from "../lib/config/environment";
import { parseProjectsFile } from "../lib/config/projects-file";
import { closeDb, createDb, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { createParser } from "../lib/flows/ingest/parse-pool";
import { startDovecot, type DovecotServer } from "../lib/imap/test-support/dovecot";
import { silentLog } from "../lib/log";
import { openMessageSource } from "../lib/mbox/open-source";
import { writeMboxrd } from "../lib/mbox/write-mboxrd";
import { startWorkers, WORKER_NAMES } from "../workers/index";
import { freshDatabase, percentile, rewriteIds } from "./support";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "10" },
    messages: { type: "string", default: "300" },
    catchup: { type: "string", default: "10000" },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
  },
});
const rate = Number(values.rate);
const latencyCount = Number(values.messages);
const catchupCount = Number(values.catchup);
const PASSWORD_ENV = "PATCHWATCH_BENCH_IMAP_PASSWORD";

function projectsFor(server: DovecotServer, mailbox: string) {
  process.env[PASSWORD_ENV] = server.password;
  const file = {
    projects: [
      {
        name: "ltp",
        lists: ["ltp@lists.linux.it"],
        imap: [
          {
            host: server.host,
            port: server.port,
            tls: false,
            user: server.user,
            passwordEnv: PASSWORD_ENV,
            mailbox,
          },
        ],
      },
    ],
  };
  return parseProjectsFile(JSON.stringify(file), "bench").projects;
}

function messageIdOf(raw: Buffer): string {
  const head = raw.subarray(0, 64 * 1024).toString("latin1");
  return /^message-id:\s*<([^>\r\n]+)>/im.exec(head)?.[1] ?? "";
}

/**
 * Message-IDs (of those asked about) that series assembly has seen: their classification
 * (patch i/N of a series, reply to…, why not a patch) is written with their series.
 */
async function visible(db: Db, msgids: string[]): Promise<Set<string>> {
  const rows = await prismaForTests(db).$queryRaw<{ msgid: string }[]>`
    SELECT m.msgid FROM message m JOIN project_message pm ON pm.message_id = m.id
    WHERE m.msgid = ANY(${msgids}) AND pm.role IS NOT NULL`;
  return new Set(rows.map((r) => r.msgid));
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function latency(server: DovecotServer, corpus: Buffer[]): Promise<void> {
  const { url, cleanup } = await freshDatabase("latency");
  await migrate(url);
  const db = createDb(url);
  const workers = await startWorkers(WORKER_NAMES, {
    db,
    databaseUrl: url,
    projects: projectsFor(server, "latency"),
    log: silentLog,
    config: loadConfig(),
  });
  const sent = new Map<string, number>();
  const seen = new Map<string, number>();
  let stopWatching = false;
  const watcher = (async () => {
    while (!stopWatching) {
      const waiting = [...sent.keys()].filter((id) => !seen.has(id));
      if (waiting.length) for (const id of await visible(db, waiting)) seen.set(id, performance.now());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const messages = corpus.slice(0, latencyCount);
  const started = performance.now();
  for (const [i, raw] of messages.entries()) {
    const due = started + (i * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const at = performance.now();
    await server.append("latency", [raw]);
    sent.set(messageIdOf(raw), at);
  }
  await waitUntil(async () => seen.size >= sent.size, 120_000);
  stopWatching = true;
  await watcher;
  const delays = [...sent].map(([id, at]) => seen.get(id)! - at).sort((a, b) => a - b);
  console.log(
    `latency, APPEND to visible in its series (${messages.length} messages at ${rate}/s): p50 ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${delays[delays.length - 1]!.toFixed(0)} ms`,
  );
  await workers.stop();
  await closeDb(db);
  await cleanup();
}

async function catchUp(server: DovecotServer, corpus: Buffer[]): Promise<void> {
  const copies = Math.ceil(catchupCount / corpus.length);
  const messages: Buffer[] = [];
  for (let c = 0; c < copies; c++) for (const m of corpus) messages.push(rewriteIds(m, c));
  messages.length = catchupCount;
  let t = performance.now();
  await server.append("catchup", messages);
  console.log(
    `appended ${messages.length} messages to Dovecot in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // Baseline: the same messages imported from an mbox file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-bench-mbox-"));
  const mbox = path.join(dir, "catchup.mbox");
  fs.writeFileSync(mbox, writeMboxrd(messages));
  const base = await freshDatabase("mbox");
  await migrate(base.url);
  const baseDb = createDb(base.url);
  const parser = createParser();
  const projects = projectsFor(server, "catchup");
  t = performance.now();
  const imported = await importMessages(openMessageSource(mbox), {
    db: baseDb,
    projects,
    parser,
    importInto: "ltp",
  });
  const mboxRate = imported.read / ((performance.now() - t) / 1000);
  await parser.close();
  await closeDb(baseDb);
  await base.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });

  const { url, cleanup } = await freshDatabase("catchup");
  await migrate(url);
  const db = createDb(url);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  t = performance.now();
  const workers = await startWorkers(WORKER_NAMES, {
    db,
    databaseUrl: url,
    projects,
    log: silentLog,
    config: loadConfig(),
  });
  await waitUntil(async () => {
    const [row] = await prismaForTests(db).$queryRaw<{ done: boolean }[]>`
      SELECT (SELECT count(*) FROM message) + (SELECT count(*) FROM raw_message WHERE state <> 'processed') >= ${messages.length}
         AND NOT EXISTS (SELECT 1 FROM raw_message WHERE state = 'pending')
         AND NOT EXISTS (SELECT 1 FROM pgboss.job WHERE name = 'process' AND state IN ('created', 'retry', 'active')) AS done`;
    return Boolean(row?.done);
  }, 30 * 60_000);
  const imapRate = messages.length / ((performance.now() - t) / 1000);
  clearInterval(sampler);
  await workers.stop();
  await closeDb(db);
  await cleanup();
  console.log(
    `catch-up of ${messages.length} messages: IMAP ${imapRate.toFixed(0)} msg/s, mbox import ${mboxRate.toFixed(0)} msg/s (same run), ratio ${(imapRate / mboxRate).toFixed(2)}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
}

async function main(): Promise<void> {
  const corpus: Buffer[] = [];
  for await (const { raw } of openMessageSource(values.archive)) corpus.push(raw);
  console.log(
    `corpus: ${path.basename(values.archive)} (${corpus.length} messages); ${os.cpus().length} CPUs; Dovecot on 127.0.0.1, Maildir`,
  );
  const server = await startDovecot();
  try {
    await latency(server, corpus);
    if (catchupCount > 0) await catchUp(server, corpus);
  } finally {
    await server.dispose();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
