import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyPaths } from "../lib/apply/paths";
import { parseProjectsFile, type ProjectConfig } from "../lib/config/projects-file";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-support/test-database";
import { fetchMirror } from "../lib/git/mirror";
import { startDovecot, type DovecotServer } from "../lib/imap/test-support/dovecot";
import { silentLog } from "../lib/log";
import { parseMessage } from "../lib/mail/parse-message";
import type { Mail } from "../lib/mail/types";
import {
  AIO_CANCEL,
  editBody,
  fixture,
  MAKEFILE_PATCH,
  sentTo,
  withHeader,
  withoutHeader,
  withoutSignoff,
  wrapLines,
} from "../lib/format-check/test-support/mails";
import { startFormatCheck } from "./format-check";
import { waitFor } from "./test-support/live-ingest";
import { buildPreimageUpstream } from "./test-support/preimage-upstream";
import { startSmtpSink, type SmtpSink } from "./test-support/smtp-sink";
import type { RunningWorker } from "./worker-types";

/**
 * The format-check robot end to end: mail APPENDed to a real Dovecot mailbox, read by the
 * worker, checked (with `git am` on a real mirror), answered through the outbox to a real
 * SMTP server. Nothing of the mailbox may reach the project's messages or series.
 */
const ADDRESS = "patch-check@example.org";
const MAILBOX = "patch-check";
const PASSWORD_ENV = "PATCHWATCH_TEST_FORMAT_CHECK_PASSWORD";
const MAX_PER_HOUR = 5;
const COVER = "20260203125029.15413-1-mdoucha@suse.cz";

let t: TestDatabase;
let dovecot: DovecotServer;
let smtp: SmtpSink;
let worker: RunningWorker;
let dataDir: string;

/** The aio_cancel series as its author would send it here, with its Message-IDs renamed by `tag`. */
function series(tag = "15413"): Buffer[] {
  return AIO_CANCEL.map((f) => {
    const raw = sentTo(fixture(f), ADDRESS);
    return Buffer.from(raw.toString("latin1").replace(/15413-(\d)-mdoucha/g, `${tag}-$1-mdoucha`), "latin1");
  });
}

async function replies(to: string): Promise<Mail[]> {
  const mails: Mail[] = [];
  for (const r of smtp.received.filter((m) => m.rcptTo.includes(to))) {
    const parsed = await parseMessage(Buffer.from(r.raw, "utf8"));
    if (!parsed.ok) throw new Error(parsed.error);
    mails.push(parsed.mail);
  }
  return mails;
}

async function states(): Promise<Record<string, number>> {
  const rows = await t.prisma.formatCheckMail.groupBy({ by: ["state"], _count: true });
  return Object.fromEntries(rows.map((r) => [r.state, r._count]));
}

beforeAll(async () => {
  t = await createTestDatabase();
  dovecot = await startDovecot({ mailboxes: [MAILBOX] });
  smtp = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-format-check-"));
  const upstream = path.join(dataDir, "upstream.git");
  await buildPreimageUpstream(
    upstream,
    series()
      .slice(1)
      .map((raw) => raw.toString("utf8")),
  );
  // The applier's mirror, as its first fetch leaves it.
  await fetchMirror(applyPaths(dataDir, "ltp").mirror, upstream, "master");
  process.env[PASSWORD_ENV] = dovecot.password;
  const projects: ProjectConfig[] = parseProjectsFile(
    JSON.stringify({
      projects: [
        {
          name: "ltp",
          lists: ["ltp@lists.linux.it"],
          git: { url: upstream, branch: "master" },
          formatCheck: {
            address: ADDRESS,
            imap: [
              {
                host: dovecot.host,
                port: dovecot.port,
                tls: false,
                user: dovecot.user,
                passwordEnv: PASSWORD_ENV,
                mailbox: MAILBOX,
                pollSeconds: 2,
              },
            ],
            maxPerSenderPerHour: MAX_PER_HOUR,
          },
        },
      ],
    }),
    "test projects",
  ).projects;
  worker = await startFormatCheck(
    { db: t.db, projects, log: silentLog, dataDir, smtpUrl: smtp.url },
    { waitMs: 4_000, intervalMs: 300, imap: { backoffMs: { initial: 100, max: 1_000 } } },
  );
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await dovecot?.dispose();
  await t?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the format-check robot", () => {
  it("answers a clean series once, in its thread: it looks good and applies", async () => {
    await dovecot.append(MAILBOX, series());
    const [reply] = await waitFor(
      "the reply",
      async () => ((await replies("mdoucha@suse.cz")).length ? replies("mdoucha@suse.cz") : null),
      60_000,
    );
    expect(reply!.subject).toBe("Re: [PATCH 0/3] Rewrite aio_cancel_2-1");
    expect(reply!.inReplyTo).toBe(COVER);
    expect(reply!.from?.email).toBe(ADDRESS);
    expect(reply!.autoSubmitted).toBe(true);
    expect(reply!.body).toContain("It looks good: no problem found");
    expect(reply!.body).toMatch(/the series applies to master \([0-9a-f]{12}\) with `git am`/);
    expect(reply!.body).toContain("all 3 patches arrived");
  });

  it("answers a broken series once with its problems: patch 2/3 missing, no sign-off, a wrapped line", async () => {
    const [cover, p1, , p3] = series("27182");
    await dovecot.append(MAILBOX, [cover!, wrapLines(p1!), withoutSignoff(p3!)]);
    const [reply] = await waitFor(
      "the reply to the broken series",
      async () => {
        const all = await replies("mdoucha@suse.cz");
        return all.length >= 2
          ? all.filter((m) => m.inReplyTo === "20260203125029.27182-1-mdoucha@suse.cz")
          : null;
      },
      60_000,
    );
    const body = reply!.body;
    expect(body).toContain("I found 3 problems to fix");
    expect(body).toContain("Patch 2/3 did not arrive (I waited 4 seconds after the last part).");
    expect(body).toMatch(
      /Patch 1: \[PATCH 1\/3\][^\n]*\n {2}- The hunk `@@ -0,0 \+1,94 @@` does not add up at/,
    );
    expect(body).toMatch(
      /Patch 3: \[PATCH 3\/3\] aio_cancel_2-1: Rewrite test\n {2}- There is no Signed-off-by: line/,
    );
    expect(body).toContain("Not tried on the branch head: parts of the series are missing.");
    // Exactly one reply, also after more rounds.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await replies("mdoucha@suse.cz")).length).toBe(2);
  });

  it("keeps the mailbox out of the project: no message, no series, no raw message", async () => {
    expect(await t.prisma.rawMessage.count()).toBe(0);
    expect(await t.prisma.message.count()).toBe(0);
    expect(await t.prisma.series.count()).toBe(0);
    expect(await states()).toEqual({ answered: 7 });
  });

  it("does not answer a program (Auto-Submitted)", async () => {
    const robot = withHeader(
      withHeader(
        withoutHeader(sentTo(fixture(MAKEFILE_PATCH), ADDRESS), "In-Reply-To"),
        "From",
        "CI Robot <ci-robot@example.org>",
      ),
      "Auto-Submitted",
      "auto-generated",
    );
    await dovecot.append(MAILBOX, [
      withHeader(robot, "Subject", "[PATCH] Makefile: Add kernel modules related make targets"),
    ]);
    await waitFor("the robot's mail to be set aside", async () => (await states()).ignored === 1, 30_000);
    expect(smtp.received.filter((m) => m.rcptTo.includes("ci-robot@example.org"))).toEqual([]);
  });

  it("100 mails from one address in a minute get at most maxPerSenderPerHour replies", async () => {
    const base = withHeader(
      withoutHeader(sentTo(fixture(MAKEFILE_PATCH), ADDRESS), "In-Reply-To"),
      "From",
      "Flood <flood@example.org>",
    );
    const flood = Array.from({ length: 100 }, (_, i) =>
      withHeader(
        withHeader(
          editBody(base, (b) => b.replace("LTP contains few", `LTP (${i}) contains few`)),
          "Message-ID",
          `<flood-${i}@example.org>`,
        ),
        "Subject",
        `[PATCH] Makefile: kernel modules targets, take ${i}`,
      ),
    );
    await dovecot.append(MAILBOX, flood);
    await waitFor(
      "every flood mail to be stored and decided",
      async () =>
        (await t.prisma.formatCheckMail.count({ where: { msgid: { startsWith: "flood-" } } })) === 100 &&
        (await states()).received === undefined,
      120_000,
    );
    const s = await states();
    expect(s["rate-limited"]).toBe(100 - MAX_PER_HOUR);
    expect(await replies("flood@example.org")).toHaveLength(MAX_PER_HOUR);
  });
});
