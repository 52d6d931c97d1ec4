import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApplyRecord } from "../../apply/types";
import { parseProjectsFile, type ProjectConfig } from "../../config/projects-file";
import { recordApplyResult } from "../../db/apply/record-apply-result";
import { JobQueue } from "../../queue/job-queue";
import { loadSeriesFacts } from "../../db/notify/load-series-facts";
import { syncProjects } from "../../db/projects/sync-projects";
import { fixtures, importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { commit, git, initWorkRepo } from "../../git/test-work-repo";
import { silentLog } from "../../log";
import { composeApplyFailed } from "../../notify/compose-apply-failed";
import { createOutbox, type DeliveryResult, type Outbox } from "./deliver-robot-mail";
import { createMaintainersOf } from "../maintainers/maintainers-of";
import { scanAndNotify, type NotifyContext } from "./mail-failures";
import { startNotify } from "../../../workers/notify";
import { waitFor } from "../../../workers/test-support/live-ingest";
import { startSmtpSink, type SmtpSink } from "../../../workers/test-support/smtp-sink";

// The robot's mail end to end: real series from the patchew corpus imported as mail, apply
// and test results written as the applier and testers write them, the scan, the outbox,
// and a real SMTP server that receives what is sent.
let t: TestDatabase;
let sink: SmtpSink;
let outbox: Outbox;
let projectIds: Map<string, number>;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-notify-"));
const dataDir = path.join(scratch, "data");
const upstream = path.join(scratch, "upstream");
const PUBLIC_URL = "https://patchwatch.test";
const ROBOT = "robot@patchwatch.test";

const COVER_0004 = "1469192015-16487-1-git-send-email-berrange@redhat.com";
const PATCH_0001 = "20160628014747.20971-1-famz@redhat.com";
const PATCH_0003 = "20160722095540.5887-1-paul.burton@imgtec.com";
const PATCH_0008 = "20190325155923.30987-1-pbonzini@redhat.com";
const ROBOT_SENT = "20190325155923.30987-9-robot@example.net";

function projectsWith(robot: Record<string, unknown>): ProjectConfig[] {
  return parseProjectsFile(
    JSON.stringify({
      projects: [
        {
          name: "qemu",
          lists: ["qemu-devel@nongnu.org", "qemu-block@nongnu.org"],
          git: { url: upstream },
          tests: [
            { name: "build", script: "make -j2 check", email: true },
            { name: "checkpatch", script: "scripts/checkpatch.pl --branch HEAD~1..", email: false },
          ],
          robot: { from: ROBOT, fromName: "Patchwatch robot", ...robot },
        },
        // No robot settings: nothing is ever mailed for it.
        { name: "xen", lists: ["xen-devel@lists.xenproject.org"] },
      ],
    }),
    "test projects",
  ).projects;
}

const sending = projectsWith({ dryRun: false, ccMaintainers: true, maxPerRecipientPerHour: 5 });

function context(projects: ProjectConfig[]): NotifyContext {
  return {
    db: t.db,
    projects,
    projectIds,
    outbox,
    publicUrl: PUBLIC_URL,
    log: silentLog,
    maintainersOf: createMaintainersOf({ projects, dataDir, log: silentLog }),
  };
}

function patchewFile(name: string): string {
  return path.join(fixtures.patchew, name);
}

/** A copy of a corpus patch under another Message-ID, with headers added: as another sender would post it. */
function variant(name: string, msgid: string, headers: string, subject: string): string {
  const text = gunzipSync(fs.readFileSync(patchewFile(name)))
    .toString("latin1")
    .replace(/^Message-Id: <[^>]+>$/im, `Message-Id: <${msgid}>`)
    .replace(/^Subject: .*$/m, `Subject: ${subject}`)
    .replace(/^From: .*$/m, `$&\n${headers}`);
  const file = path.join(scratch, `${msgid}.mbox`);
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  return file;
}

async function seriesId(headMsgid: string): Promise<bigint> {
  const s = await t.prisma.series.findFirstOrThrow({ where: { headMsgid }, select: { id: true } });
  return s.id;
}

function failedApply(patchMsgids: string[], overrides: Partial<ApplyRecord> = {}): ApplyRecord {
  return {
    status: "failed",
    baseKind: "branch-head",
    baseNamed: null,
    baseCommit: "9d0ea1d5f0b1a4c87cbb8f4f2d2bdb73bd0fc5a9",
    baseReason: "no base named: the branch head",
    commits: [],
    headCommit: null,
    tag: null,
    checkedHead: "9d0ea1d5f0b1a4c87cbb8f4f2d2bdb73bd0fc5a9",
    patchMsgids,
    failedPatch: 2,
    conflicts: ["block/crypto.c"],
    conflictRange: null,
    conflictCommits: [],
    log:
      "Applying: crypto: add support for querying parameters for block encryption\n" +
      "Applying: block: export LUKS specific data to qemu-img info\n" +
      "Using index info to reconstruct a base tree...\nM\tblock/crypto.c\n" +
      "Falling back to patching base and 3-way merge...\nAuto-merging block/crypto.c\n" +
      "CONFLICT (content): Merge conflict in block/crypto.c\nerror: Failed to merge in the changes.\n" +
      "hint: Use 'git am --show-current-patch=diff' to see the failed patch\n" +
      "Patch failed at 0002 block: export LUKS specific data to qemu-img info\n",
    publishProject: null,
    fetchUrl: null,
    ...overrides,
  };
}

async function patchMsgidsOf(headMsgid: string): Promise<string[]> {
  const patches = await t.prisma.patch.findMany({
    where: { series: { headMsgid } },
    orderBy: { index: "asc" },
    select: { message: { select: { msgid: true } } },
  });
  return patches.map((p) => p.message.msgid);
}

/** A tester's report: the job, its log and its result, as the CI server writes them. */
async function testReport(
  headMsgid: string,
  test: string,
  state: string,
  baseState: string | null,
  log: string,
  commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
): Promise<bigint> {
  const id = await seriesId(headMsgid);
  const tag = `patchwatch/${headMsgid.replace(/[^A-Za-z0-9.-]/g, "_")}/v1`;
  const applied = await recordApplyResult(t.db, id, {
    ...failedApply(await patchMsgidsOf(headMsgid)),
    status: "applied",
    failedPatch: null,
    conflicts: [],
    log: null,
    commits: [commit],
    headCommit: commit,
    tag,
    publishProject: "qemu",
  });
  const job = await t.prisma.testJob.create({
    data: {
      projectId: projectIds.get("qemu")!,
      seriesId: id,
      applyResultId: applied,
      testName: test,
      commit,
      baseCommit: "9d0ea1d5f0b1a4c87cbb8f4f2d2bdb73bd0fc5a9",
      ref: tag,
      state: state === "fail" ? "failed" : "passed",
      durationMs: 754_000,
      log: { create: { text: log, bytes: log.length } },
    },
    select: { id: true },
  });
  await t.prisma.testResult.create({
    data: {
      seriesId: id,
      jobId: job.id,
      context: test,
      state,
      baseState,
      source: "tester:builder-1",
      durationMs: 754_000,
    },
  });
  return job.id;
}

async function mailRows(headMsgid: string) {
  return t.prisma.robotMail.findMany({
    where: { series: { headMsgid } },
    orderBy: { id: "asc" },
    select: { kind: true, status: true, reason: true, dedupeKey: true, messageId: true, raw: true },
  });
}

const buildLog = fs.readFileSync(path.join(__dirname, "../../notify/__fixtures__/build-failure.log"), "utf8");

beforeAll(async () => {
  t = await createTestDatabase();
  sink = await startSmtpSink({ rejectDomain: "bounce.example.org" });
  outbox = createOutbox({ db: t.db, smtpUrl: sink.url, log: silentLog, messageIdDomain: "patchwatch.test" });
  // The project's tree as the applier mirrors it, with QEMU's MAINTAINERS.
  await initWorkRepo(upstream);
  await commit(
    upstream,
    {
      MAINTAINERS: fs.readFileSync(path.join(__dirname, "../../maintainers/__fixtures__/qemu.MAINTAINERS")),
    },
    "MAINTAINERS",
  );
  await git(scratch, ["clone", "-q", "--bare", upstream, path.join(dataDir, "git/mirrors/qemu.git")]);
  projectIds = await syncProjects(t.db, sending);
  await importFiles(
    t.db,
    [
      patchewFile("0004-multiple-patch-reviewed.mbox.gz"),
      patchewFile("0001-simple-patch.mbox.gz"),
      patchewFile("0003-single-patch-reviewed.mbox.gz"),
      patchewFile("0008-complex-diffstat.mbox.gz"),
      variant(
        "0008-complex-diffstat.mbox.gz",
        ROBOT_SENT,
        "Auto-Submitted: auto-generated",
        "[PATCH] i2c-ddc: a change a bot generated",
      ),
    ],
    sending,
  );
});

afterAll(async () => {
  await outbox.close();
  await sink.close();
  await t.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("a series that does not apply", () => {
  it("gets exactly one threaded reply, to its author, with the lists and the maintainers on Cc", async () => {
    await recordApplyResult(t.db, await seriesId(COVER_0004), failedApply(await patchMsgidsOf(COVER_0004)));
    const summary = await scanAndNotify(context(sending));
    expect(summary).toMatchObject({ sent: 1, suppressed: 0, error: 0 });
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.subject).toBe(
      "Re: [Qemu-devel] [PATCH v4 0/2] Report format specific info for LUKS block driver",
    );
    expect(parsed.inReplyTo).toBe(`<${COVER_0004}>`);
    expect(parsed.references).toBe(`<${COVER_0004}>`);
    expect(parsed.messageId).toMatch(/^<patchwatch\.[0-9a-f]{24}@patchwatch\.test>$/);
    expect(parsed.from?.value).toEqual([{ name: "Patchwatch robot", address: ROBOT }]);
    expect([parsed.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual([
      "berrange@redhat.com",
    ]);
    // The lists the cover went to, then the maintainers of the touched files (the author is not Cc'd again).
    expect([parsed.cc].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual([
      "qemu-devel@nongnu.org",
      "qemu-block@nongnu.org",
      "eblake@redhat.com",
      "armbru@redhat.com",
      "kwolf@redhat.com",
      "hreitz@redhat.com",
    ]);
    expect(parsed.headers.has("list-id")).toBe(false);
    expect(mail!.mailFrom).toBe(ROBOT);
    expect(mail!.rcptTo).toContain("berrange@redhat.com");
    expect(mail!.rcptTo).toContain("kwolf@redhat.com");
    expect(parsed.text).toContain("> CONFLICT (content): Merge conflict in block/crypto.c");
    expect(parsed.text).toContain(
      `  curl -sf ${PUBLIC_URL}/qemu/${encodeURIComponent(COVER_0004)}/mbox | git am --3way`,
    );

    const rows = await mailRows(COVER_0004);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "apply-failed", status: "sent", reason: null });
    // What was stored is what was sent.
    expect(rows[0]!.raw.replace(/\r\n/g, "\n").trim()).toBe(mail!.raw.replace(/\r\n/g, "\n").trim());
  });

  it("gets nothing more when the scan runs again, nor when the applier tries it again on a new head", async () => {
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0, duplicate: 0 });
    await recordApplyResult(
      t.db,
      await seriesId(COVER_0004),
      failedApply(await patchMsgidsOf(COVER_0004), {
        checkedHead: "1111111111111111111111111111111111111111",
      }),
    );
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0 });
    expect(sink.received).toHaveLength(1);
    expect(await mailRows(COVER_0004)).toHaveLength(1);
  });

  it("of a project without robot settings is never mailed", async () => {
    const noRobot = sending.map((p) => ({ ...p, robot: undefined }));
    await recordApplyResult(t.db, await seriesId(PATCH_0003), failedApply(await patchMsgidsOf(PATCH_0003)));
    expect(await scanAndNotify(context(noRobot))).toMatchObject({ sent: 0, "dry-run": 0, suppressed: 0 });
    expect(await mailRows(PATCH_0003)).toHaveLength(0);
  });

  it("in a dry run is composed and stored, and nothing is sent", async () => {
    const before = sink.received.length;
    const dryRun = projectsWith({ dryRun: true });
    expect(await scanAndNotify(context(dryRun))).toMatchObject({ "dry-run": 1, sent: 0 });
    expect(sink.received).toHaveLength(before);
    const [row] = await mailRows(PATCH_0003);
    expect(row).toMatchObject({ kind: "apply-failed", status: "dry-run" });
    expect(row!.raw).toMatch(/^In-Reply-To: <20160722095540\.5887-1-paul\.burton@imgtec\.com>\r$/m);
    // Stored once: switching the dry run off later does not send old news again.
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0 });
  });

  it("from a sender marked Auto-Submitted gets no reply, and the row says why", async () => {
    const before = sink.received.length;
    await recordApplyResult(t.db, await seriesId(ROBOT_SENT), failedApply(await patchMsgidsOf(ROBOT_SENT)));
    expect(await scanAndNotify(context(sending))).toMatchObject({ suppressed: 1, sent: 0 });
    expect(sink.received).toHaveLength(before);
    const [row] = await mailRows(ROBOT_SENT);
    expect(row).toMatchObject({ status: "suppressed" });
    expect(row!.reason).toMatch(/^auto-submitted: /);
  });
});

describe("the robot's own mail coming back through the list", () => {
  it("is stored as an automatic reply: no series, no trailers, no reply to it", async () => {
    const [first] = sink.received;
    const listCopy = `List-Id: QEMU developers <qemu-devel.nongnu.org>\r\nPrecedence: list\r\n${first!.raw}`;
    const file = path.join(scratch, "robot-copy.eml");
    fs.writeFileSync(file, listCopy);
    const seriesBefore = await t.prisma.series.count();
    const trailersBefore = await t.prisma.trailer.count();
    await importFiles(t.db, [file], sending);
    const msgid = (await simpleParser(first!.raw)).messageId!.slice(1, -1);
    const stored = await t.prisma.message.findUniqueOrThrow({
      where: { msgid },
      select: { autoSubmitted: true, kind: true },
    });
    expect(stored).toEqual({ autoSubmitted: true, kind: "reply" });
    expect(await t.prisma.series.count()).toBe(seriesBefore);
    expect(await t.prisma.trailer.count()).toBe(trailersBefore);
    expect(await t.prisma.series.count({ where: { headMsgid: msgid } })).toBe(0);
    const before = sink.received.length;
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0 });
    expect(sink.received).toHaveLength(before);
  });
});

describe("a failed test", () => {
  it("marked email: true is mailed once, with the log's relevant part, its link and the command to reproduce", async () => {
    const before = sink.received.length;
    const jobId = await testReport(PATCH_0001, "build", "fail", "success", buildLog);
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 1 });
    expect(sink.received).toHaveLength(before + 1);
    const parsed = await simpleParser(sink.received.at(-1)!.raw);
    expect(parsed.inReplyTo).toBe(`<${PATCH_0001}>`);
    expect(parsed.subject).toBe("Re: [Qemu-devel] [PATCH] quorum: Only compile when supported");
    expect([parsed.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual(["famz@redhat.com"]);
    // The lists first, then Quorum's maintainer and the block layer's.
    const cc = [parsed.cc].flat().flatMap((a) => a!.value.map((v) => v.address));
    expect(cc.slice(0, 2)).toEqual(["qemu-devel@nongnu.org", "qemu-block@nongnu.org"]);
    expect(cc.slice(2).sort()).toEqual(["berto@igalia.com", "hreitz@redhat.com", "kwolf@redhat.com"]);
    expect(parsed.text).toContain(`Full log: ${PUBLIC_URL}/logs/${jobId}`);
    expect(parsed.text).toContain("> FAILED: libblock.fa.p/block_qcow2-cluster.c.o");
    expect(parsed.text).not.toContain("Checking for function");
    expect(parsed.text).toContain(
      `  git fetch ${PUBLIC_URL}/git/qemu patchwatch/20160628014747.20971-1-famz_redhat.com/v1 && git checkout FETCH_HEAD && make -j2 check`,
    );
    const rows = await mailRows(PATCH_0001);
    expect(rows.map((r) => [r.kind, r.status, r.dedupeKey])).toEqual([
      ["test-failed", "sent", `test-failed:qemu:${PATCH_0001}:v1:build`],
    ]);
    // The same revision applied again on a newer head, and the test failing again: no second mail.
    await testReport(
      PATCH_0001,
      "build",
      "fail",
      "success",
      buildLog,
      "5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f",
    );
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0 });
    expect(sink.received).toHaveLength(before + 1);
  });

  it("that fails on master too, or is not marked for email, is not mailed", async () => {
    const before = sink.received.length;
    await testReport(PATCH_0008, "build", "fail", "fail", buildLog);
    await testReport(PATCH_0008, "checkpatch", "fail", "success", "ERROR: trailing whitespace\n");
    expect(await scanAndNotify(context(sending))).toMatchObject({ sent: 0, suppressed: 0, "dry-run": 0 });
    expect(sink.received).toHaveLength(before);
    expect(await mailRows(PATCH_0008)).toEqual([]);
  });
});

describe("the outbox", () => {
  it("sends at most the hourly limit to one address; the rest are stored as suppressed", async () => {
    const facts = (await loadSeriesFacts(t.db, await seriesId(PATCH_0008)))!;
    const base = composeApplyFailed(
      { ...facts, author: { name: "Busy Author", email: "busy@example.org" } },
      {
        failedPatch: 1,
        conflicts: [],
        baseKind: null,
        baseCommit: null,
        baseReason: null,
        log: "error: hw/i2c/Makefile.objs: does not exist in index",
      },
      {
        from: { name: "Patchwatch", address: ROBOT },
        lists: [],
        ccLists: false,
        maintainers: [],
        publicUrl: PUBLIC_URL,
      },
    );
    const before = sink.received.length;
    const results: DeliveryResult[] = [];
    // Ten at a time, as several workers would: the limit holds under concurrency.
    for (let round = 0; round < 10; round++) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            outbox.deliver(
              { ...base, dedupeKey: `rate-test:${round * 10 + i}` },
              { dryRun: false, maxPerRecipientPerHour: 5 },
            ),
          ),
        )),
      );
    }
    const count = (s: string) => results.filter((r) => r.status === s).length;
    expect(count("sent")).toBe(5);
    expect(count("suppressed")).toBe(95);
    expect(sink.received.length - before).toBe(5);
    const rows = await t.prisma.robotMail.groupBy({
      by: ["status"],
      where: { dedupeKey: { startsWith: "rate-test:" } },
      _count: true,
    });
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count]))).toEqual({ sent: 5, suppressed: 95 });
    const reasons = await t.prisma.robotMail.findFirst({
      where: { dedupeKey: { startsWith: "rate-test:" }, status: "suppressed" },
      select: { reason: true },
    });
    expect(reasons?.reason).toBe("rate-limited: 5 mails to busy@example.org in the last hour");
    // An hour later the address may be written to again.
    const later = await outbox.deliver(
      { ...base, dedupeKey: "rate-test:later" },
      { dryRun: false, maxPerRecipientPerHour: 5, now: new Date(Date.now() + 61 * 60_000) },
    );
    expect(later.status).toBe("sent");
  });

  it("records a refusal by the SMTP server on the row and returns it, never throws", async () => {
    const facts = (await loadSeriesFacts(t.db, await seriesId(PATCH_0008)))!;
    const draft = composeApplyFailed(
      { ...facts, author: { name: "Gone", email: "gone@bounce.example.org" } },
      { failedPatch: 1, conflicts: [], baseKind: null, baseCommit: null, baseReason: null, log: null },
      {
        from: { name: "Patchwatch", address: ROBOT },
        lists: [],
        ccLists: false,
        maintainers: [],
        publicUrl: PUBLIC_URL,
      },
    );
    const result = await outbox.deliver(
      { ...draft, dedupeKey: "bounce-test" },
      { dryRun: false, maxPerRecipientPerHour: 5 },
    );
    expect(result.status).toBe("error");
    expect(result.reason).toMatch(/^SMTP: .*550/);
    const row = await t.prisma.robotMail.findUniqueOrThrow({
      where: { dedupeKey: "bounce-test" },
      select: { status: true, reason: true },
    });
    expect(row).toEqual({ status: "error", reason: result.reason });
    const again = await outbox.deliver(
      { ...draft, dedupeKey: "bounce-test" },
      { dryRun: false, maxPerRecipientPerHour: 5 },
    );
    expect(again).toEqual({ status: "duplicate", messageId: result.messageId });
  });
});

describe("the notify worker", () => {
  it("scans when it starts, through its job queue", async () => {
    const queue = await JobQueue.start(t.url, silentLog);
    const before = sink.received.length;
    const worker = await startNotify(
      {
        db: t.db,
        queue,
        projects: sending,
        log: silentLog,
        dataDir,
        smtpUrl: sink.url,
        publicUrl: PUBLIC_URL,
      },
      { pollingIntervalSeconds: 0.5 },
    );
    try {
      await testReport(
        PATCH_0003,
        "build",
        "fail",
        null,
        "test-foo: assertion failed: (x == 1)\nnot ok 3 - /foo/bar\n",
      );
      await queue.request("notify", { reason: "test" });
      const row = await waitFor(
        "the test failure's mail",
        async () => (await mailRows(PATCH_0003)).find((r) => r.kind === "test-failed" && r.status === "sent"),
        60_000,
      );
      expect(row.dedupeKey).toBe(`test-failed:qemu:${PATCH_0003}:v1:build`);
      expect(sink.received.length).toBe(before + 1);
    } finally {
      await queue.stop({ graceful: true });
      await worker.stop();
    }
  });
});
