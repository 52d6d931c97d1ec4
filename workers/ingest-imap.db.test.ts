import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { loadConfig } from "../lib/config/environment";
import { listImapSources } from "../lib/config/projects-file";
import { rebuildProjectSeries } from "../lib/flows/ingest/rebuild-project-series";
import { getStatus } from "../lib/db/status/get-status";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-support/test-database";
import { createParser, type Parser } from "../lib/flows/ingest/parse-pool";
import { startDovecot, type DovecotServer } from "../lib/imap/test-support/dovecot";
import { createLog, silentLog } from "../lib/log";
import { startWorkers, type WorkerName, type Workers } from "./index";
import {
  ingestCounts,
  ltpMessages,
  PASSWORD_ENV,
  patchewMail,
  projectsReading,
  waitFor,
  waitForMessages,
  waitForQueueIdle,
  writeProjectsFile,
} from "./test-support/live-ingest";

const LIVE_INGEST_WORKERS: WorkerName[] = ["ingest-imap", "process", "apply"];

// Live ingestion against a real Dovecot: every message is ingested exactly once whatever
// happens to the server, the worker or the mailbox.
let t: TestDatabase;
let server: DovecotServer;
let workers: Workers | null = null;

const fast = {
  pollingIntervalSeconds: 0.5,
  imap: { backoffMs: { initial: 100, max: 1000 }, batchSize: 100 },
};

beforeAll(async () => {
  server = await startDovecot();
});
afterAll(async () => {
  await server.dispose();
});
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await workers?.stop();
  workers = null;
  await t.drop();
});

function start(projects: ReturnType<typeof projectsReading>, extra: { parser?: Parser } = {}) {
  // The workers live mail goes through; the others have nothing to do without a tree, a
  // robot or a format-check mailbox, and only add polling to these timings.
  return startWorkers(
    LIVE_INGEST_WORKERS,
    {
      db: t.db,
      databaseUrl: t.url,
      projects,
      log: process.env.PW_TEST_LOG ? createLog("debug") : silentLog,
      config: loadConfig(),
    },
    { ...fast, ...extra },
  );
}

/** Series, patches and trailers as rows, to compare incremental state with a rebuild. */
async function seriesSnapshot(): Promise<unknown[]> {
  return t.prisma.$queryRaw`
    SELECT s.head_msgid, s.version, s.total, s.received, s.complete, s.reviewed, s.obsoleted_by, s.revisions,
           s.reply_count,
           array_agg(m.msgid ORDER BY p.index) AS patches,
           (SELECT count(*)::int FROM trailer tr JOIN patch tp ON tp.id = tr.patch_id WHERE tp.series_id = s.id) AS trailers
    FROM series s LEFT JOIN patch p ON p.series_id = s.id LEFT JOIN message m ON m.id = p.message_id
    GROUP BY s.id ORDER BY s.head_msgid`;
}

describe("live ingestion from IMAP", () => {
  it("stores every message of a 2,000-message stream exactly once when Dovecot restarts in the middle", async () => {
    const mail = await ltpMessages(2000);
    const projects = projectsReading(server, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["restart"] },
    ]);
    workers = await start(projects);
    await server.append("restart", mail.slice(0, 700));
    await waitFor("some messages read", async () => (await ingestCounts(t.db)).raws >= 200);
    await server.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await server.start();
    await server.append("restart", mail.slice(700));

    const counts = await waitForMessages(t.db, 2000);
    expect(counts).toMatchObject({
      raws: 2000,
      distinctRawMsgids: 2000,
      messages: 2000,
      pending: 0,
      failed: 0,
    });
    const state = await t.prisma.imapMailbox.findFirstOrThrow();
    expect(state.lastUid).toBe(2000n);
    expect(state.messagesRead).toBe(2000n);
    await waitForQueueIdle(t.db);

    // What `patchwatch status` and /api/health report.
    const sources = listImapSources(projects);
    const running = await getStatus(t.db, sources, new Date());
    expect(running.ok).toBe(true);
    expect(running.sources).toEqual([
      expect.objectContaining({ connected: true, messagesRead: 2000, backlog: 0, lastError: null }),
    ]);
    expect(running.sources[0]!.lastMessageAt).not.toBeNull();
    expect(running.queues).toEqual([
      expect.objectContaining({ name: "process", waiting: 0, active: 0, failed: 0 }),
      // No project here has a git tree: the applier has nothing to do.
      expect.objectContaining({ name: "apply", waiting: 0, active: 0, failed: 0 }),
      // Nor has any a robot or a GitLab mirror.
      expect.objectContaining({ name: "gitlab", failed: 0 }),
      expect.objectContaining({ name: "notify", failed: 0 }),
      expect.objectContaining({ name: "watch-upstream", failed: 0 }),
      expect.objectContaining({ name: "maintainers", failed: 0 }),
    ]);
    expect(running.queues[0]!.completed).toBeGreaterThan(0);
    expect(running.rawMessages).toEqual({ total: 2000, pending: 0, failed: 0 });
    await workers?.stop();
    workers = null;
    const stopped = await getStatus(t.db, sources, new Date());
    expect(stopped.ok).toBe(false);
    expect(stopped.sources[0]!.connected).toBe(false);
    const live = await seriesSnapshot();
    expect(live.length).toBeGreaterThan(300);
    // The series built batch by batch are those a rebuild from scratch gives.
    await rebuildProjectSeries(
      t.db,
      (await t.prisma.project.findUniqueOrThrow({ where: { name: "ltp" } })).id,
    );
    expect(await seriesSnapshot()).toEqual(live);
  }, 300_000);

  it("stores a message delivered to two mailboxes once, and links a cross-post to both projects", async () => {
    // patchew 0001: a QEMU patch To qemu-devel, Cc qemu-block. Each list adds its List-Id,
    // so the two copies differ in their bytes but not in their Message-ID.
    const patch = patchewMail("0001-simple-patch.mbox.gz");
    const copy = (list: string) => Buffer.concat([Buffer.from(`List-Id: <${list}.nongnu.org>\n`), patch]);
    // A reply from the LTP archive, delivered to two mailboxes of one project byte for byte.
    const [same] = await ltpMessages(1);
    const projects = projectsReading(server, [
      { name: "qemu", lists: ["qemu-devel@nongnu.org"], mailboxes: ["qemu-devel", "qemu-devel-copy"] },
      { name: "qemu-block", parent: "qemu", lists: ["qemu-block@nongnu.org"], mailboxes: ["qemu-block"] },
    ]);
    workers = await start(projects);
    await server.append("qemu-devel", [copy("qemu-devel"), same!]);
    await server.append("qemu-devel-copy", [same!]);
    await server.append("qemu-block", [copy("qemu-block")]);

    await waitFor("four mailbox positions", async () => {
      const rows = await t.prisma.imapMailbox.findMany();
      const read = rows.reduce((n, r) => n + Number(r.messagesRead), 0);
      return read === 4 && (await ingestCounts(t.db)).pending === 0;
    });
    await waitForQueueIdle(t.db);
    const counts = await ingestCounts(t.db);
    // Identical bytes are one raw message; the second List-Id copy is kept raw, flagged.
    expect(counts).toMatchObject({ raws: 3, messages: 2, failed: 0 });
    const duplicate = await t.prisma.rawMessage.findFirstOrThrow({ where: { state: "duplicate" } });
    expect(duplicate.error).toBe("duplicate-message-id");

    const msgid = "20160628014747.20971-1-famz@redhat.com";
    const routes = await t.prisma.projectMessage.findMany({
      where: { message: { msgid } },
      include: { project: true },
      orderBy: { project: { name: "asc" } },
    });
    expect(routes.map((r) => r.project.name)).toEqual(["qemu", "qemu-block"]);
    const heads = async (name: string) =>
      (await t.prisma.series.findMany({ where: { project: { name } } })).map((s) => s.headMsgid);
    // Everything read from a project's mailbox belongs to it: the LTP patch too.
    expect(await heads("qemu")).toContain(msgid);
    expect(await heads("qemu-block")).toEqual([msgid]);
  });

  it("reads a recreated mailbox (new UIDVALIDITY) again without duplicates and without missing a message", async () => {
    const mail = await ltpMessages(90);
    const projects = projectsReading(server, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["recreated"] },
    ]);
    await server.append("recreated", mail.slice(0, 50));
    workers = await start(projects);
    await waitForMessages(t.db, 50);
    const before = await t.prisma.imapMailbox.findFirstOrThrow();

    await server.recreateMailbox("recreated");
    // Dovecot fails an APPEND racing with a session that still has the deleted mailbox
    // open, so the mail comes once the reader has moved to the new mailbox.
    await waitFor("the reader to open the new mailbox", async () => {
      const row = await t.prisma.imapMailbox.findFirstOrThrow();
      return row.uidValidity !== before.uidValidity;
    });
    // The new mailbox holds the old messages again (a restore) and 40 new ones.
    await server.append("recreated", mail.slice(0, 90));
    const counts = await waitForMessages(t.db, 90);
    expect(counts).toMatchObject({ raws: 90, distinctRawMsgids: 90, messages: 90, failed: 0 });
    const after = await waitFor("the new UIDVALIDITY read to the end", async () => {
      const row = await t.prisma.imapMailbox.findFirstOrThrow();
      return row.lastUid === 90n ? row : null;
    });
    expect(after.uidValidity).not.toBe(before.uidValidity);
  });

  it("keeps a message that crashes the parser, flags it, and goes on with the stream", async () => {
    const mail = await ltpMessages(30);
    const poison = Buffer.concat([Buffer.from("X-Test-Crash: parser\n"), mail[10]!]);
    const real = createParser(0);
    // A parser that dies on one message, as a native crash or a runaway would.
    const crashing: Parser = {
      parse: async (raws) => {
        if (raws.some((r) => r.includes("X-Test-Crash: parser"))) throw new Error("parser died");
        return real.parse(raws);
      },
      close: () => real.close(),
    };
    const projects = projectsReading(server, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["poison"] },
    ]);
    workers = await start(projects, { parser: crashing });
    await server.append("poison", [...mail.slice(0, 10), poison, ...mail.slice(11)]);

    const counts = await waitForMessages(t.db, 30);
    expect(counts).toMatchObject({ raws: 30, messages: 29, failed: 1, pending: 0 });
    const failed = await t.prisma.rawMessage.findFirstOrThrow({ where: { state: "failed" } });
    expect(failed.error).toBe("unparseable");
    expect(failed.errorDetail).toContain("the parser crashed on this message: parser died");
    expect(failed.data.length).toBeGreaterThan(0);
  });
});

describe("flags", () => {
  async function seenFlags(mailbox: string): Promise<boolean[]> {
    const client = await server.connect();
    await client.mailboxOpen(mailbox, { readOnly: true });
    const messages = await client.fetchAll("1:*", { flags: true });
    await client.logout();
    return messages.map((m) => m.flags?.has("\\Seen") ?? false);
  }

  it("leaves the mailbox untouched by default, and marks read mail \\Seen only when asked", async () => {
    const mail = await ltpMessages(6);
    const projects = projectsReading(server, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["untouched"] },
      { name: "other", lists: [], mailboxes: ["marked"], markSeen: true },
    ]);
    await server.append("untouched", mail.slice(0, 3));
    await server.append("marked", mail.slice(3));
    workers = await start(projects);
    await waitForMessages(t.db, 6);
    await waitFor("the marked mailbox's position", async () =>
      (await t.prisma.imapMailbox.findMany()).every((r) => r.lastUid === 3n),
    );
    // Flags are set right after the batch is committed.
    await waitFor("the marked mailbox's flags", async () => (await seenFlags("marked")).every(Boolean));
    expect(await seenFlags("untouched")).toEqual([false, false, false]);
  });
});

describe("a worker killed with SIGKILL", () => {
  const cli = path.resolve(__dirname, "cli.ts");

  function spawnWorker(projectsFile: string): ChildProcess {
    return spawn(process.execPath, ["--import", "tsx", cli, "worker"], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        PATCHWATCH_PROJECTS: projectsFile,
        [PASSWORD_ENV]: server.password,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
  }

  it("ten times at random points while ingesting still stores every message exactly once", async () => {
    const mail = await ltpMessages(1500);
    const projects = projectsReading(server, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["killed"] },
    ]);
    const projectsFile = writeProjectsFile(projects);
    await server.append("killed", mail.slice(0, 500));
    let appended = 500;
    for (let kill = 0; kill < 10; kill++) {
      const before = (await ingestCounts(t.db)).raws;
      const worker = spawnWorker(projectsFile);
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      // Kill it while it works: after it has stored something new, at a random moment.
      await waitFor(
        "the worker to make progress",
        async () => (await ingestCounts(t.db)).raws > before,
        60_000,
      );
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      worker.kill("SIGKILL");
      await exited;
      console.log(`kill ${kill + 1}: ${(await ingestCounts(t.db)).raws} raw messages stored`);
      const next = mail.slice(appended, appended + 100);
      await server.append("killed", next);
      appended += next.length;
    }
    expect(appended).toBe(1500);

    // A last worker finishes the job and stops gracefully on SIGTERM.
    const worker = spawnWorker(projectsFile);
    let stderr = "";
    worker.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const counts = await waitForMessages(t.db, 1500);
    // SIGTERM lets the running job finish its series; jobs of the killed workers stay
    // `active` until pg-boss expires them, and hold nothing meanwhile.
    const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
    worker.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);

    expect(counts).toMatchObject({
      raws: 1500,
      distinctRawMsgids: 1500,
      messages: 1500,
      pending: 0,
      failed: 0,
    });
    expect((await t.prisma.imapMailbox.findFirstOrThrow()).lastUid).toBe(1500n);
    // Consistent: what the killed workers left is what one rebuild from scratch gives.
    const live = await seriesSnapshot();
    await rebuildProjectSeries(
      t.db,
      (await t.prisma.project.findUniqueOrThrow({ where: { name: "ltp" } })).id,
    );
    expect(await seriesSnapshot()).toEqual(live);
  }, 600_000);
});

describe("a server without IDLE", () => {
  let plain: DovecotServer;
  beforeAll(async () => {
    // Dovecot's own list, less IDLE (and less the extensions that imply it).
    plain = await startDovecot({
      capability: "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS",
    });
  });
  afterAll(async () => {
    await plain.dispose();
  });

  it("is polled, and every message still arrives", async () => {
    const probe = await plain.connect();
    expect(probe.capabilities.has("IDLE")).toBe(false);
    await probe.logout();

    const mail = await ltpMessages(40);
    const projects = projectsReading(plain, [
      { name: "ltp", lists: ["ltp@lists.linux.it"], mailboxes: ["polled"] },
    ]);
    await plain.append("polled", mail.slice(0, 20));
    workers = await start(projects);
    await waitForMessages(t.db, 20);
    await plain.append("polled", mail.slice(20));
    expect(await waitForMessages(t.db, 40)).toMatchObject({ raws: 40, messages: 40, failed: 0 });
  });
});
