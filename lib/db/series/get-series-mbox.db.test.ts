import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { runGit } from "../../git/run";
import { projectSeriesMbox, seriesMbox } from "../../http/mbox/series-mbox-door";
import type { TextDoor } from "../../http/text-door";
import { readMbox } from "../../mbox/mboxrd";
import { writeMboxrd } from "../../mbox/write-mboxrd";
import { importFiles } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { getSeriesMbox } from "./get-series-mbox";

/*
 * The series mbox against b4 (Debian's b4 0.12, `b4 am` on a local mbox, as the issue
 * asks): five LTP threads from the archive, each with Reviewed-by/Acked-by/Tested-by in
 * replies to patches and to the cover letter, imported as Patchwatch imports mail; the
 * `git am` view of every patch (git mailinfo: author, subject, commit message, diff) of
 * our mbox and of b4's must agree, except where noted.
 */

const FIXTURES = path.join(__dirname, "__fixtures__/b4-threads");
const projects = loadProjects(path.join(__dirname, "../../../projects.json")).projects;

const THREADS = {
  aio_cancel: "20260203125029.15413-1-mdoucha@suse.cz",
  shmctl04: "20260223031903.4037526-1-weiguixiong@bytedance.com",
  kirk: "20251031-kirk_move_submodule-v1-0-3cad4270a0b5@suse.com",
  epoll_ctl04: "39ee7abdee12e22074b40d46775d69d37725b932.1754386027.git.jstancek@redhat.com",
  cve: "20250812-cve_2025_38236-v1-1-e3617ada69c6@suse.com",
} as const;
const CVE_V2 = "20250812-cve_2025_38236-v2-1-76abeeaeaee6@suse.com";
const LONELY = "lonely-1@example.org";

let t: TestDatabase;
let tmp: string;

beforeAll(async () => {
  t = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pw-series-mbox-"));
  // Patch 1 of 2 without its sibling: an incomplete series.
  const lonely = path.join(tmp, "lonely.mbox");
  fs.writeFileSync(
    lonely,
    writeMboxrd([
      Buffer.from(
        `From: A <a@example.org>\nTo: ltp@lists.linux.it\nDate: Mon, 9 Mar 2026 10:00:00 +0000\nMessage-ID: <${LONELY}>\nSubject: [PATCH 1/2] lonely\n\nAlone.\n\nSigned-off-by: A <a@example.org>\n---\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n`,
      ),
    ]),
  );
  const files = Object.keys(THREADS).map((name) => path.join(FIXTURES, `${name}.mbox.gz`));
  await importFiles(t.db, [...files, lonely], projects, "ltp");
}, 300_000);

afterAll(async () => {
  await t?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function call(door: TextDoor, query: string, params: Record<string, string>): Promise<Response> {
  return door.respond(() => t.db, new Request(`http://pw.test/x/mbox${query}`), params);
}

async function mboxOf(response: Response): Promise<Buffer[]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const out: Buffer[] = [];
  for await (const m of readMbox(
    (async function* () {
      yield bytes;
    })(),
  ))
    out.push(m);
  return out;
}

interface GitAmView {
  author: string;
  email: string;
  subject: string;
  message: string;
  patch: string;
}

/** What `git am` makes of one mail: git mailinfo, as git am runs it. */
async function amView(mail: Buffer): Promise<GitAmView> {
  const dir = fs.mkdtempSync(path.join(tmp, "mi-"));
  const result = await runGit(["mailinfo", path.join(dir, "msg"), path.join(dir, "patch")], { input: mail });
  expect(result.code, result.stderr).toBe(0);
  const info = Object.fromEntries(
    result.stdout
      .toString("utf8")
      .split("\n")
      .filter((l) => l.includes(": "))
      .map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]),
  );
  return {
    author: info.Author ?? "",
    email: info.Email ?? "",
    subject: info.Subject ?? "",
    message: fs.readFileSync(path.join(dir, "msg"), "utf8"),
    patch: fs.readFileSync(path.join(dir, "patch"), "utf8"),
  };
}

/** The trailer lines at the end of a commit message. */
function trailerBlock(message: string): string[] {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  return paragraphs[paragraphs.length - 1]!.split("\n");
}

/**
 * `b4 am -t -S` on the thread, offline. -t applies tags sent to the cover letter to every
 * patch (DESIGN.md: they count for every patch). -S takes tags whose address differs from
 * the From line: the LTP list rewrites From for DMARC ("Jane via ltp <ltp@…>"), so without
 * it b4 drops every tag such a reviewer sends, while Patchwatch checks them against the
 * address the list moved to Reply-To/X-Original-From (these threads hold no tag that
 * names someone other than its sender; am-parts.test.ts covers that case). b4 0.12 on
 * Python 3.11 raises on a folded Subject field, so its copy of the thread has Subject
 * unfolded (RFC 5322 §2.2.3: the same value).
 */
function b4Am(thread: string, msgid: string): Buffer[] {
  const home = fs.mkdtempSync(path.join(tmp, "b4-home-"));
  const out = fs.mkdtempSync(path.join(tmp, "b4-out-"));
  fs.writeFileSync(
    path.join(home, ".gitconfig"),
    "[b4]\n\tattestation-policy = off\n[user]\n\tname = Oracle\n\temail = oracle@b4.invalid\n",
  );
  const mbox = path.join(out, "thread.mbox");
  const text = zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, `${thread}.mbox.gz`))).toString("latin1");
  fs.writeFileSync(
    mbox,
    Buffer.from(
      text.replace(/^(Subject:.*)(\n[ \t].*)+/gim, (f) => f.replace(/\n(?=[ \t])/g, "")),
      "latin1",
    ),
  );
  const run = spawnSync("b4", ["-q", "-n", "am", "-m", mbox, "-o", out, "-t", "-S", "--no-cover", msgid], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, LC_ALL: "C.UTF-8" } as Record<
      string,
      string
    > as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status, `b4 am: ${run.stderr}`).toBe(0);
  const mbx = fs.readdirSync(out).find((f) => f.endsWith(".mbx"));
  expect(mbx, "b4 wrote no .mbx").toBeDefined();
  const raw = fs.readFileSync(path.join(out, mbx!));
  return raw
    .toString("latin1")
    .split(/^From [^\n]*\n/m)
    .filter((m) => m.trim() !== "")
    .map((m) => Buffer.from(m.replace(/\n$/, ""), "latin1"));
}

async function ourAm(head: string): Promise<Buffer[]> {
  const response = await call(projectSeriesMbox, "", { project: "ltp", msgid: head });
  expect(response.status, await response.clone().text()).toBe(200);
  return mboxOf(response);
}

describe("the series mbox agrees with b4 am", () => {
  it.each(Object.entries(THREADS))("%s", async (thread, head) => {
    const ours = await Promise.all((await ourAm(head)).map(amView));
    // b4 looks for newer revisions only inside the thread it is given; cve's v2 was posted
    // as a thread of its own, which Patchwatch links to v1 (same author and title) and
    // serves for v1's Message-ID. b4 gives the same commits when pointed at v2.
    const theirs = await Promise.all(b4Am(thread, head === THREADS.cve ? CVE_V2 : head).map(amView));
    expect(ours.length).toBe(theirs.length);
    for (const [i, b4] of theirs.entries()) {
      const pw = ours[i]!;
      const what = `${thread} patch ${i + 1}`;
      expect(pw.subject, what).toBe(b4.subject);
      expect(trailerBlock(pw.message), what).toEqual(trailerBlock(b4.message));
      expect(pw.message.trimEnd(), what).toBe(b4.message.trimEnd());
      // After the diff come git's signature and the list's footer: ours are the bytes as
      // posted, b4 rebuilds that part without the empty lines; git apply reads neither.
      const tidy = (patch: string) => patch.replace(/\n+(?=-- \n)/g, "\n");
      expect(tidy(pw.patch), what).toBe(tidy(b4.patch));
      if (b4.email === "ltp@lists.linux.it") {
        // b4 0.12 credits the list: it does not undo the list's DMARC rewriting of From
        // ("Guixiong Wei via ltp <ltp@lists.linux.it>"); Patchwatch gives the author back.
        expect(`${pw.author} via ltp`, what).toBe(b4.author);
        expect(pw.email, what).toMatch(/@(bytedance|redhat)\.com$/);
      } else {
        expect(`${pw.author} <${pw.email}>`, what).toBe(`${b4.author} <${b4.email}>`);
      }
    }
  });
});

describe("the trailers that go into the commits", () => {
  it("adds the cover letter's tags to every patch after the patch's own, as b4 am -t does", async () => {
    const views = await Promise.all((await ourAm(THREADS.aio_cancel)).map(amView));
    expect(views.map((v) => trailerBlock(v.message))).toEqual([
      // Andrea's review of 1/3 came before Cyril's; the same tag to the cover letter is not repeated.
      [
        "Signed-off-by: Martin Doucha <mdoucha@suse.cz>",
        "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>",
        "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>",
      ],
      [
        "Signed-off-by: Martin Doucha <mdoucha@suse.cz>",
        "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>",
        "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>",
      ],
      // Cyril reviewed 3/3 itself; Andrea's tag comes from the cover letter, after it.
      [
        "Signed-off-by: Martin Doucha <mdoucha@suse.cz>",
        "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>",
        "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>",
      ],
    ]);
  });

  it("takes Acked-by sent to the cover letter, and Reviewed-by and Tested-by from one reply", async () => {
    const kirk = await Promise.all((await ourAm(THREADS.kirk)).map(amView));
    for (const v of kirk) {
      expect(trailerBlock(v.message).slice(-2)).toEqual([
        "Acked-by: Cyril Hrubis <chrubis@suse.cz>",
        "Acked-by: Petr Vorel <pvorel@suse.cz>",
      ]);
    }
    const [epoll] = await Promise.all((await ourAm(THREADS.epoll_ctl04)).map(amView));
    expect(trailerBlock(epoll!.message)).toEqual([
      "Signed-off-by: Jan Stancek <jstancek@redhat.com>",
      "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>",
      "Reviewed-by: Petr Vorel <pvorel@suse.cz>",
      "Reviewed-by: Avinesh Kumar <akumar@suse.de>",
      "Tested-by: Avinesh Kumar <akumar@suse.de>",
    ]);
  });
});

describe("getSeriesMbox", () => {
  it("gives the newest revision, and says which series was asked for", async () => {
    const source = await getSeriesMbox(t.db, { project: "ltp", msgid: THREADS.cve });
    expect(source).toMatchObject({ headMsgid: CVE_V2, supersedes: THREADS.cve, version: 2, complete: true });
    const [patch] = source!.patches;
    expect(patch!.subject).toMatchObject({
      title: "cve: add CVE-2025-38236 test",
      version: 2,
      explicitVersion: true,
    });
  });

  it("finds the series of any of its messages, in any project when none is named", async () => {
    const reply = "aYyViVCcTLJ51At1@yuki.lan"; // Cyril's review of aio_cancel 3/3
    expect((await getSeriesMbox(t.db, { msgid: reply }))?.headMsgid).toBe(THREADS.aio_cancel);
    expect(
      (await getSeriesMbox(t.db, { project: "ltp", msgid: "20260203125029.15413-3-mdoucha@suse.cz" }))
        ?.headMsgid,
    ).toBe(THREADS.aio_cancel);
    expect(await getSeriesMbox(t.db, { msgid: "nobody@example.org" })).toBeNull();
    expect(await getSeriesMbox(t.db, { project: "no-such-project", msgid: THREADS.kirk })).toBeNull();
  });
});

describe("GET /<project>/<msgid>/mbox and /series/<msgid>/mbox", () => {
  it("answers application/mbox with a file name made from the Message-ID, and never lets a browser sniff it", async () => {
    const response = await call(projectSeriesMbox, "", {
      project: "ltp",
      msgid: encodeURIComponent(THREADS.kirk),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/mbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="20251031-kirk_move_submodule-v1-0-3cad4270a0b5_suse.com.mbox"',
    );
    expect((await mboxOf(response)).length).toBe(2);
  });

  it("gives one patch with ?patch=N, and the cover letter first with ?cover=1", async () => {
    const one = await mboxOf(
      await call(projectSeriesMbox, "?patch=2", { project: "ltp", msgid: THREADS.aio_cancel }),
    );
    expect(one.map((m) => (/^Subject: (.*)$/m.exec(m.toString()) ?? [])[1])).toEqual([
      "[PATCH 2/3] openposix/aio_cancel: Use setup helper functions in tests 5 and 7",
    ]);
    const all = await mboxOf(await call(seriesMbox, "?cover=1", { msgid: `<${THREADS.aio_cancel}>` }));
    expect(all.map((m) => /^Subject: \[PATCH (\d)\/3\]/m.exec(m.toString())?.[1])).toEqual([
      "0",
      "1",
      "2",
      "3",
    ]);
  });

  it.each([
    [
      "an unknown Message-ID",
      seriesMbox,
      "",
      { msgid: "nobody@example.org" },
      404,
      /no series holds the message <nobody@example.org>/,
    ],
    [
      "a patch the series lacks",
      projectSeriesMbox,
      "?patch=9",
      { project: "ltp", msgid: THREADS.kirk },
      404,
      /has no patch 9/,
    ],
    [
      "a patch number that is not one",
      projectSeriesMbox,
      "?patch=x",
      { project: "ltp", msgid: THREADS.kirk },
      400,
      /query parameter patch/,
    ],
    [
      "a cover flag that is not 0 or 1",
      projectSeriesMbox,
      "?cover=yes",
      { project: "ltp", msgid: THREADS.kirk },
      400,
      /cover: must be 0 or 1/,
    ],
    [
      "an incomplete series",
      seriesMbox,
      "",
      { msgid: LONELY },
      409,
      /incomplete: 1 of 2 patches arrived; add \?partial=1/,
    ],
  ] as const)("refuses %s with a line of text", async (_what, door, query, params, status, message) => {
    const response = await call(door, query, params);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toMatch(message);
    expect(text).toMatch(/^error: [^\n]*\n$/);
  });

  it("gives what arrived of an incomplete series when asked to", async () => {
    const response = await call(seriesMbox, "?partial=1", { msgid: LONELY });
    expect(response.status).toBe(200);
    expect((await mboxOf(response)).length).toBe(1);
  });
});
