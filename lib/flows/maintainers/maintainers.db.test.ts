import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseProjectsFile, type ProjectConfig } from "../../config/projects-file";
import { recordMirrorFetch } from "../../db/apply/mirror-state";
import { JobQueue } from "../../queue/job-queue";
import {
  getSeriesResponsibleFacts,
  getSeriesResponsibleFactsByHead,
} from "../../db/maintainers/series-responsible-facts";
import { syncProjects } from "../../db/projects/sync-projects";
import { getSeriesDetail } from "../../db/series/get-series-detail";
import { fixtures, importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { fetchMirror } from "../../git/mirror";
import { commit, initWorkRepo } from "../../git/test-work-repo";
import { silentLog } from "../../log";
import { seriesPeople } from "../../maintainers/series-people";
import { createMaintainersLoader, NO_MAINTAINERS_FILE } from "./load-maintainers";
import { startMaintainers } from "../../../workers/maintainers";
import { maintainersRound, type MaintainersContext } from "./compute-responsible";
import { waitFor } from "../../../workers/test-support/live-ingest";

// Who is responsible for real QEMU series (the patchew corpus), from QEMU's real
// MAINTAINERS in a real git tree mirrored as the applier mirrors it; then maintainers
// answer in the thread and the ping list shrinks; then MAINTAINERS changes, then goes.
let t: TestDatabase;
let projectIds: Map<string, number>;
let ctx: MaintainersContext;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-maintainers-"));
const dataDir = path.join(scratch, "data");
const upstream = path.join(scratch, "upstream");
const mirror = path.join(dataDir, "git/mirrors/qemu.git");
const qemuMaintainers = fs.readFileSync(
  path.join(__dirname, "../../maintainers/__fixtures__/qemu.MAINTAINERS"),
  "utf8",
);

const QUORUM_V1 = "20160628014747.20971-1-famz@redhat.com";
const QUORUM_V3 = "20160628014747.20971-3-famz@redhat.com";
const MALTA = "20160722095540.5887-1-paul.burton@imgtec.com";
const LUKS = "1469192015-16487-1-git-send-email-berrange@redhat.com";
const LIBVIRT_FILE = "0020-libvirt.mbox.gz";

const projects: ProjectConfig[] = parseProjectsFile(
  JSON.stringify({
    projects: [
      { name: "qemu", lists: ["qemu-devel@nongnu.org"], git: { url: upstream } },
      // No tree of its own: it reads its parent's.
      { name: "qemu-block", parent: "qemu", lists: ["qemu-block@nongnu.org"], requirePrefixes: ["block"] },
      // No tree at all.
      { name: "libvirt", lists: ["libvir-list@redhat.com"] },
    ],
  }),
  "test projects",
).projects;

function patchewFile(name: string): string {
  return path.join(fixtures.patchew, name);
}

/** Aurelien Jarno's real reply to the Malta patch (0003), as another person's reply to another series. */
function replyFrom(
  from: string,
  msgid: string,
  inReplyTo: string,
  subject: string,
  trailer: string | null,
): string {
  const mbox = gunzipSync(fs.readFileSync(patchewFile("0003-single-patch-reviewed.mbox.gz"))).toString(
    "latin1",
  );
  const mails = mbox.split(/^(?=From A$)/m);
  const original = mails.find((m) => m.includes("Message-ID: <20160722130539.GA5564@aurel32.net>"))!;
  const text = original
    .replace(/^From: .*$/m, `From: ${from}`)
    .replace(/^Message-ID: <[^>]+>$/m, `Message-ID: <${msgid}>`)
    .replace(/^In-Reply-To: <[^>]+>$/m, `In-Reply-To: <${inReplyTo}>`)
    .replace(/^References: <[^>]+>$/m, `References: <${inReplyTo}>`)
    .replace(/^Subject: .*$/m, `Subject: ${subject}`)
    .replace(/^Reviewed-by: .*$/m, trailer ?? "Thanks, a question below.");
  const file = path.join(scratch, `${msgid}.mbox`);
  fs.writeFileSync(file, Buffer.from(text, "latin1"));
  return file;
}

async function seriesIdOf(headMsgid: string): Promise<bigint> {
  return (await t.prisma.series.findFirstOrThrow({ where: { headMsgid }, select: { id: true } })).id;
}

async function peopleOf(headMsgid: string) {
  return seriesPeople(await getSeriesResponsibleFacts(t.db, await seriesIdOf(headMsgid)));
}

const emails = (people: { email: string }[]) => people.map((p) => p.email);

/** The applier's fetch: the mirror follows upstream, and git_mirror records the head. */
async function fetchUpstream(): Promise<void> {
  const { head } = await fetchMirror(mirror, upstream, "master");
  await recordMirrorFetch(t.db, projectIds.get("qemu")!, {
    url: upstream,
    branch: "master",
    at: new Date(),
    head,
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  // QEMU's tree: its MAINTAINERS and the directories the series touch.
  await initWorkRepo(upstream);
  await commit(
    upstream,
    {
      MAINTAINERS: qemuMaintainers,
      "block/quorum.c": "/* quorum */\n",
      "block/crypto.c": "/* crypto */\n",
      "crypto/block-luks.c": "/* luks */\n",
      "include/crypto/block.h": "/* block.h */\n",
      "hw/mips/mips_malta.c": "/* malta */\n",
      "qapi/block-core.json": "{}\n",
    },
    "QEMU",
  );
  projectIds = await syncProjects(t.db, projects);
  await importFiles(
    t.db,
    [patchewFile("0009-obsolete-by.mbox.gz"), patchewFile("0003-single-patch-reviewed.mbox.gz")],
    projects,
  );
  await importFiles(t.db, [patchewFile("0004-multiple-patch-reviewed.mbox.gz")], projects, "qemu-block");
  await importFiles(t.db, [patchewFile(LIBVIRT_FILE)], projects);
  ctx = {
    db: t.db,
    projects,
    projectIds,
    log: silentLog,
    load: createMaintainersLoader({ projects, dataDir }),
  };
}, 60_000);

afterAll(async () => {
  await t?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("responsible people and who to ping", () => {
  it("waits for the tree: nothing is computed before the applier's first fetch", async () => {
    const s = await maintainersRound(ctx);
    expect(s.computed).toBe(0);
    const people = await peopleOf(QUORUM_V3);
    expect(people).toMatchObject({ source: "none", people: [], toPing: [] });
  });

  it("computes every series from MAINTAINERS at the branch head, and the thread's facts", async () => {
    await fetchUpstream();
    const s = await maintainersRound(ctx);
    expect(s.computed).toBeGreaterThanOrEqual(5);
    const mirrorRow = await t.prisma.gitMirror.findUniqueOrThrow({
      where: { projectId: projectIds.get("qemu")! },
    });
    expect(mirrorRow.maintainersBlob).toMatch(/^[0-9a-f]{40}$/);
    expect(mirrorRow.maintainersError).toBeNull();

    const quorum = await peopleOf(QUORUM_V3);
    expect(quorum.source).toBe("maintainers");
    expect(quorum.blob).toBe(mirrorRow.maintainersBlob);
    // Files in patch order, as get_maintainer.pl takes a patch's: block/Makefile.objs
    // (Block layer core) before block/quorum.c (Quorum, and the core again).
    expect(quorum.people.map((p) => [p.rank, p.email, p.role, p.status, p.ccd])).toEqual([
      [1, "kwolf@redhat.com", "maintainer", "Supported", true],
      [2, "hreitz@redhat.com", "maintainer", "Supported", false],
      [3, "berto@igalia.com", "maintainer", "Supported", true],
      [4, "qemu-block@nongnu.org", "list", "Supported", true],
      [5, "qemu-devel@nongnu.org", "list", null, true],
    ]);
    expect(quorum.people[2]!.sections).toEqual(["Quorum"]);
    expect(quorum.people[3]!.sections).toEqual(["Block layer core", "Quorum"]);
    expect(emails(quorum.toPing)).toEqual(["kwolf@redhat.com", "hreitz@redhat.com", "berto@igalia.com"]);
    // The page reads the same by project and head Message-ID.
    expect(seriesPeople(await getSeriesResponsibleFactsByHead(t.db, "qemu", QUORUM_V3))).toEqual(quorum);

    // Malta: only an Odd Fixes section; Aurelien Jarno reviewed and Leon Alrae replied, but
    // neither is named for hw/mips/mips_malta.c today. The next best come from hw/mips.
    const malta = await peopleOf(MALTA);
    expect(malta.people.map((p) => [p.email, p.status, p.sections[0]])).toEqual([
      ["philmd@linaro.org", "Odd Fixes", "Overall MIPS Machines"],
      ["qemu-devel@nongnu.org", null, "All patches CC here"],
      ["hpoussin@reactos.org", "Maintained", "parent directory: hw/mips"],
      ["chenhuacai@kernel.org", "Maintained", "parent directory: hw/mips"],
    ]);
    expect(emails(malta.toPing)).toEqual([
      "philmd@linaro.org",
      "hpoussin@reactos.org",
      "chenhuacai@kernel.org",
    ]);
  });

  it("reads a subproject's series against its parent's tree, and never pings the author", async () => {
    const luks = await peopleOf(LUKS);
    expect(luks.source).toBe("maintainers");
    const berrange = luks.people.find((p) => p.email === "berrange@redhat.com")!;
    expect(berrange).toMatchObject({
      role: "maintainer",
      sections: expect.arrayContaining(["Cryptography"]),
    });
    expect(emails(luks.toPing)).not.toContain("berrange@redhat.com");
    // Eric Blake's Reviewed-by and Max Reitz's reply are in the thread.
    const replied = luks.people.filter((p) => p.replied || p.reviewed).map((p) => p.email);
    for (const p of luks.toPing) expect(replied).not.toContain(p.email);
    expect(luks.toPing.every((p) => p.role !== "list")).toBe(true);
  });

  it("says why a project without a tree has nobody", async () => {
    const libvirt = await t.prisma.series.findFirstOrThrow({
      where: { project: { name: "libvirt" } },
      select: { id: true },
    });
    const people = seriesPeople(await getSeriesResponsibleFacts(t.db, libvirt.id));
    expect(people).toMatchObject({ source: "none", people: [], toPing: [] });
    expect(people.note).toMatch(/no git tree/);
  });

  it("takes each maintainer off the ping list as they reply, then review", async () => {
    const subject = "Re: [Qemu-devel] [PATCH v3] quorum: Only compile when supported";
    await importFiles(
      t.db,
      [replyFrom("Kevin Wolf <kwolf@redhat.com>", "reply-kwolf@redhat.com", QUORUM_V3, subject, null)],
      projects,
    );
    // The rewritten series is computed again; its rows and the thread facts agree.
    expect((await maintainersRound(ctx)).computed).toBeGreaterThanOrEqual(1);
    let quorum = await peopleOf(QUORUM_V3);
    expect(quorum.people.find((p) => p.email === "kwolf@redhat.com")).toMatchObject({
      replied: true,
      reviewed: false,
    });
    expect(emails(quorum.toPing)).toEqual(["hreitz@redhat.com", "berto@igalia.com"]);

    await importFiles(
      t.db,
      [
        replyFrom(
          "Alberto Garcia <berto@igalia.com>",
          "reply-berto@igalia.com",
          QUORUM_V3,
          subject,
          "Reviewed-by: Alberto Garcia <berto@igalia.com>",
        ),
      ],
      projects,
    );
    await maintainersRound(ctx);
    quorum = await peopleOf(QUORUM_V3);
    expect(quorum.people.find((p) => p.email === "berto@igalia.com")).toMatchObject({
      replied: true,
      reviewed: true,
    });
    expect(emails(quorum.toPing)).toEqual(["hreitz@redhat.com"]);

    await importFiles(
      t.db,
      [replyFrom("Hanna Reitz <hreitz@redhat.com>", "reply-hreitz@redhat.com", QUORUM_V3, subject, null)],
      projects,
    );
    await maintainersRound(ctx);
    quorum = await peopleOf(QUORUM_V3);
    expect(quorum.toPing).toEqual([]);
    // The API's series detail carries the same.
    const detail = await getSeriesDetail(t.db, "qemu", QUORUM_V3);
    expect(seriesPeople(detail!.responsible)).toEqual(quorum);
  });

  it("recomputes open series when MAINTAINERS changes, and leaves closed ones on their blob", async () => {
    const before = await t.prisma.series.findMany({
      where: { headMsgid: { in: [QUORUM_V1, QUORUM_V3] } },
      select: { headMsgid: true, responsibleBlob: true },
    });
    const oldBlob = before[0]!.responsibleBlob;
    // A new Quorum maintainer takes over.
    await commit(
      upstream,
      {
        MAINTAINERS: qemuMaintainers.replace(
          "Quorum\nM: Alberto Garcia <berto@igalia.com>",
          "Quorum\nM: Ada Maintainer <ada@example.org>",
        ),
      },
      "MAINTAINERS: new Quorum maintainer",
    );
    await fetchUpstream();
    // Nothing changed but the file: only the open series are due.
    const open = await t.prisma.series.count({
      where: {
        projectId: { in: [projectIds.get("qemu")!, projectIds.get("qemu-block")!] },
        obsoletedBy: null,
        mergedAt: null,
      },
    });
    const s = await maintainersRound(ctx);
    expect(s.computed).toBe(open);
    const mirrorRow = await t.prisma.gitMirror.findUniqueOrThrow({
      where: { projectId: projectIds.get("qemu")! },
    });
    expect(mirrorRow.maintainersBlob).not.toBe(oldBlob);

    const quorum = await peopleOf(QUORUM_V3);
    expect(quorum.blob).toBe(mirrorRow.maintainersBlob);
    expect(emails(quorum.people.filter((p) => p.role === "maintainer"))).toEqual([
      "kwolf@redhat.com",
      "hreitz@redhat.com",
      "ada@example.org",
    ]);
    expect(emails(quorum.toPing)).toEqual(["ada@example.org"]);
    // v1 was replaced by v3: it keeps the answer of the file it was computed from.
    const v1 = await peopleOf(QUORUM_V1);
    expect(v1.blob).toBe(oldBlob);
    expect(emails(v1.people)).toContain("berto@igalia.com");
    // A second round finds nothing to do.
    expect((await maintainersRound(ctx)).computed).toBe(0);
  });

  it("says so when the tree has no MAINTAINERS file any more", async () => {
    await commit(upstream, { MAINTAINERS: null }, "no MAINTAINERS");
    await fetchUpstream();
    const s = await maintainersRound(ctx);
    expect(s.cleared).toBeGreaterThan(0);
    const mirrorRow = await t.prisma.gitMirror.findUniqueOrThrow({
      where: { projectId: projectIds.get("qemu")! },
    });
    expect(mirrorRow).toMatchObject({ maintainersBlob: null, maintainersError: NO_MAINTAINERS_FILE });
    const quorum = await peopleOf(QUORUM_V3);
    expect(quorum).toMatchObject({ source: "none", people: [], toPing: [], note: NO_MAINTAINERS_FILE });
    expect(await t.prisma.seriesResponsible.count({ where: { seriesId: await seriesIdOf(QUORUM_V3) } })).toBe(
      0,
    );
  });

  it("runs as the maintainers worker through the job queue", async () => {
    await commit(upstream, { MAINTAINERS: qemuMaintainers }, "MAINTAINERS back");
    await fetchUpstream();
    const queue = await JobQueue.start(t.url, silentLog);
    const worker = await startMaintainers(
      { db: t.db, queue, projects, log: silentLog, dataDir },
      { pollingIntervalSeconds: 0.5 },
    );
    try {
      await waitFor(
        "responsible rows from the worker",
        async () => (await peopleOf(QUORUM_V3)).source === "maintainers",
        20_000,
      );
      expect(emails((await peopleOf(QUORUM_V3)).toPing)).toEqual([]);
    } finally {
      await worker.stop();
      await queue.stop({ graceful: true });
    }
  }, 40_000);
});
