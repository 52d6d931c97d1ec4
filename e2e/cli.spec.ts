import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";

import { loadConfig } from "../lib/config/environment";
import { openDatabase } from "../lib/db/open-database";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { readMbox } from "../lib/mbox/mboxrd";
import { preimageTree } from "./support/preimage-tree";

// `patchwatch list` and `patchwatch apply`, run as a maintainer runs them: the CLI in a
// git checkout, talking to the server Playwright started on the sample archive. The
// series is "[PATCH 0/3] Rewrite aio_cancel_2-1" (LTP, February 2026), reviewed in
// replies to its patches and to its cover letter; its base tree is rebuilt from the
// patches' own preimages (support/preimage-tree.ts).
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin/patchwatch.mjs");
const HEAD = "20260203125029.15413-1-mdoucha@suse.cz";
/** A complete series the applier could not apply: the e2e upstream (support/sample-upstream.ts) lacks its files. */
const KIRK = "20251031-kirk_move_submodule-v1-0-3cad4270a0b5@suse.com";
const SUBJECTS = [
  "openposix/aio_cancel: Add helper functions for setup and cleanup",
  "openposix/aio_cancel: Use setup helper functions in tests 5 and 7",
  "aio_cancel_2-1: Rewrite test",
];

let work: string;
let patchTexts: string[];

test.beforeAll(async ({ request }) => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-e2e-cli-"));
  fs.mkdirSync(path.join(work, "home"));
  const response = await request.get(`/ltp/${encodeURIComponent(HEAD)}/mbox`);
  expect(response.status()).toBe(200);
  patchTexts = [];
  const body = await response.body();
  for await (const mail of readMbox(
    (async function* () {
      yield body;
    })(),
  ))
    patchTexts.push(mail.toString("utf8"));
  expect(patchTexts.length).toBe(3);
});

test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    // Next.js types make NODE_ENV required in ProcessEnv; these processes have no use for it.
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: path.join(work, "home"),
      LC_ALL: "C",
      ...env,
    } as Record<string, string> as NodeJS.ProcessEnv,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI, as the `patchwatch` command runs it, pointed at the test server by PATCHWATCH_SERVER. */
function patchwatch(args: string[], cwd: string, server: string) {
  return run(process.execPath, [BIN, ...args], cwd, { PATCHWATCH_SERVER: server });
}

function git(cwd: string, ...args: string[]): string {
  const result = run("git", args, cwd);
  expect(result.status, `git ${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A repository whose one commit holds the files the series changes, as they were before it. */
function baseRepo(name: string, files: Map<string, string>): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  git(dir, "init", "-q", "-b", "master");
  git(dir, "config", "user.name", "Maintainer");
  git(dir, "config", "user.email", "maintainer@example.org");
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(path.join(dir, "README"), "LTP\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  return dir;
}

/** The commits on top of the base, oldest first: author, subject, and the trailer block. */
function commits(repo: string): { author: string; subject: string; trailers: string[] }[] {
  const log = git(repo, "log", "--reverse", "--format=%an <%ae>%x00%s%x00%b%x01", "HEAD~3..HEAD");
  return log
    .split("\x01")
    .map((c) => c.replace(/^\n/, ""))
    .filter((c) => c !== "")
    .map((c) => {
      const [author = "", subject = "", body = ""] = c.split("\x00");
      const paragraphs = body.trimEnd().split(/\n\n/);
      return { author, subject, trailers: paragraphs[paragraphs.length - 1]!.split("\n") };
    });
}

const SOB = "Signed-off-by: Martin Doucha <mdoucha@suse.cz>";
const CYRIL = "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>";
const ANDREA = "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>";

test("the server serves the mbox at /<project>/<msgid>/mbox and /series/<msgid>/mbox, and errors as text", async ({
  request,
}) => {
  const mbox = await request.get(`/series/${encodeURIComponent(`<${HEAD}>`)}/mbox?cover=1`);
  expect(mbox.status()).toBe(200);
  expect(mbox.headers()["content-type"]).toBe("application/mbox");
  expect(mbox.headers()["content-disposition"]).toBe(
    'attachment; filename="20260203125029.15413-1-mdoucha_suse.cz.mbox"',
  );
  const subjects = (await mbox.text()).match(/^Subject: \[PATCH \d\/3\]/gm);
  expect(subjects).toEqual([
    "Subject: [PATCH 0/3]",
    "Subject: [PATCH 1/3]",
    "Subject: [PATCH 2/3]",
    "Subject: [PATCH 3/3]",
  ]);
  const missing = await request.get(`/ltp/${encodeURIComponent("nobody@example.org")}/mbox`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await missing.text()).toBe(
    "error: no series holds the message <nobody@example.org> in project ltp\n",
  );
  const detail = await (await request.get(`/api/v1/series/ltp/${encodeURIComponent(HEAD)}`)).json();
  expect(detail.mbox).toBe(`/ltp/${encodeURIComponent(HEAD)}/mbox`);
});

test("`patchwatch list` prints one line per series: project, version, patches, state, title, Message-ID", ({
  baseURL,
}) => {
  const result = patchwatch(["list", "aio_cancel_2-1"], work, baseURL!);
  expect(result.status, result.stderr).toBe(0);
  const line = result.stdout.split("\n").find((l) => l.includes(HEAD));
  expect(line).toMatch(
    new RegExp(`^ltp\\s+v1\\s+3\\s+reviewed,applied\\s+Rewrite aio_cancel_2-1\\s+<${HEAD}>$`),
  );
  const none = patchwatch(["list", "no-such-series-xyzzy"], work, baseURL!);
  expect(none.status).toBe(0);
  expect(none.stdout).toBe("");
  expect(none.stderr).toMatch(/no series matches "no-such-series-xyzzy"/);
});

test("`patchwatch apply <message-id>` applies the series with its trailers, as git am -3 does", ({
  baseURL,
}) => {
  const repo = baseRepo("by-msgid", preimageTree(patchTexts));
  const result = patchwatch(["apply", HEAD], repo, baseURL!);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toMatch(
    /applying v1 Rewrite aio_cancel_2-1 <20260203125029\.15413-1-mdoucha@suse\.cz>: 3 patches/,
  );
  expect(result.stdout).toMatch(/Applying: aio_cancel_2-1: Rewrite test/);
  expect(commits(repo)).toEqual([
    { author: "Martin Doucha <mdoucha@suse.cz>", subject: SUBJECTS[0], trailers: [SOB, ANDREA, CYRIL] },
    { author: "Martin Doucha <mdoucha@suse.cz>", subject: SUBJECTS[1], trailers: [SOB, ANDREA, CYRIL] },
    // Andrea's Reviewed-by was given to the cover letter: it counts for every patch.
    { author: "Martin Doucha <mdoucha@suse.cz>", subject: SUBJECTS[2], trailers: [SOB, CYRIL, ANDREA] },
  ]);
  expect(git(repo, "status", "--porcelain")).toBe("");
});

test("`patchwatch apply` takes a series URL, or a patch's Message-ID, and gives the same commits", ({
  baseURL,
}) => {
  const byUrl = baseRepo("by-url", preimageTree(patchTexts));
  const url = `${baseURL}/ltp/${encodeURIComponent(HEAD)}`;
  // The URL names the server: PATCHWATCH_SERVER points elsewhere and is not used.
  const result = run(process.execPath, [BIN, "apply", url], byUrl, {
    PATCHWATCH_SERVER: "http://127.0.0.1:9",
  });
  expect(result.status, result.stderr).toBe(0);
  const byPatch = baseRepo("by-patch", preimageTree(patchTexts));
  const second = patchwatch(["apply", "<20260203125029.15413-3-mdoucha@suse.cz>"], byPatch, baseURL!);
  expect(second.status, second.stderr).toBe(0);
  expect(git(byUrl, "rev-parse", "HEAD^{tree}")).toBe(git(byPatch, "rev-parse", "HEAD^{tree}"));
  expect(commits(byUrl).map((c) => c.subject)).toEqual(SUBJECTS);
  expect(commits(byPatch)).toEqual(commits(byUrl));
});

test("`patchwatch apply` says when git am fails, with git's message, and that git am --abort undoes it", ({
  baseURL,
}) => {
  const repo = baseRepo("conflict", new Map([["README.other", "unrelated\n"]]));
  const result = patchwatch(["apply", HEAD], repo, baseURL!);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/Patch failed at 0002 openposix\/aio_cancel: Use setup helper functions/);
  expect(result.stderr).toMatch(/patchwatch: git am failed: the series does not apply here/);
  expect(result.stderr).toMatch(/`git am --abort` to undo/);
  git(repo, "am", "--abort");
  expect(git(repo, "log", "--format=%s")).toBe("base\n");
});

test("`patchwatch apply` explains what it cannot do", ({ baseURL }) => {
  const repo = baseRepo("errors", new Map());
  const cases: [string[], string, RegExp][] = [
    [["apply", HEAD], work, /not inside a git checkout/],
    [["apply", "nobody-1@example.org"], repo, /the server has no message <nobody-1@example\.org>/],
    [["apply", "lchown"], repo, /series match "lchown"; name one by its Message-ID:\n {2}ltp +v\d/],
    [["apply", "no-such-series-xyzzy"], repo, /no series matches "no-such-series-xyzzy"/],
    [["apply", "--fetch", KIRK], repo, /is not applied on the server yet/],
    [
      ["apply", "--server", "http://127.0.0.1:9", HEAD],
      repo,
      /cannot reach the Patchwatch server at http:\/\/127\.0\.0\.1:9/,
    ],
    [["apply", "http://127.0.0.1:9/api"], repo, /not a series URL/],
  ];
  for (const [args, cwd, message] of cases) {
    const result = patchwatch(args, cwd, baseURL!);
    expect(result.status, args.join(" ")).toBe(1);
    expect(result.stderr, args.join(" ")).toMatch(message);
    expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
  }
  expect(git(repo, "log", "--format=%s")).toBe("base\n");
});

test("`patchwatch apply` refuses an incomplete series", async ({ baseURL, request }) => {
  const page = await (
    await request.get(`/api/v1/series?q=${encodeURIComponent("-is:complete -is:pull -is:obsolete")}&limit=1`)
  ).json();
  const incomplete = page.items[0] as { id: string; received: number; total: number };
  expect(incomplete).toBeDefined();
  const repo = baseRepo("incomplete", new Map());
  const result = patchwatch(["apply", incomplete.id], repo, baseURL!);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(
    new RegExp(`is incomplete: ${incomplete.received} of ${incomplete.total} patches arrived`),
  );
});

/**
 * What the applier records when it applies a series (workers/apply.ts): the tag in the
 * project's publish repository, served at /git/ltp, and the result row the API reads.
 * The test plays the applier with a tag of its own: the row it writes is the latest.
 */
async function publishApplied(repo: string, tag: string): Promise<string> {
  const dataDir = process.env.E2E_DATA_DIR!;
  const publish = path.join(dataDir, "git", "ltp.git");
  if (!fs.existsSync(publish)) git(work, "init", "-q", "--bare", publish);
  git(repo, "push", "-q", publish, `+HEAD:refs/tags/${tag}`);
  const commits = git(repo, "rev-list", "--reverse", "HEAD~3..HEAD").trim().split("\n");
  const open = await openDatabase(
    loadConfig({ ...process.env, PATCHWATCH_DATA: dataDir, DATABASE_URL: "" }),
    () => {},
  );
  try {
    const series = await prismaForTests(open.db).series.findFirstOrThrow({
      where: { headMsgid: HEAD, project: { name: "ltp" } },
      select: { id: true },
    });
    await prismaForTests(open.db).applyResult.create({
      data: {
        seriesId: series.id,
        status: "applied",
        tag,
        commits,
        headCommit: commits[2]!,
        publishProject: "ltp",
      },
    });
  } finally {
    await open.close();
  }
  return commits[2]!;
}

test("`patchwatch apply --fetch` checks the tag the server applied out on a new branch", async ({
  baseURL,
}) => {
  const applied = baseRepo("to-publish", preimageTree(patchTexts));
  expect(patchwatch(["apply", HEAD], applied, baseURL!).status).toBe(0);
  const head = await publishApplied(applied, "patchwatch/e2e-cli-aio-cancel");

  const repo = baseRepo("fetch", new Map());
  const result = patchwatch(["apply", "--fetch", "--branch", "review/aio", HEAD], repo, baseURL!);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toMatch(
    /fetching patchwatch\/e2e-cli-aio-cancel from http:\/\/127\.0\.0\.1:\d+\/git\/ltp/,
  );
  expect(git(repo, "symbolic-ref", "--short", "HEAD").trim()).toBe("review/aio");
  expect(git(repo, "rev-parse", "HEAD").trim()).toBe(head);
  expect(commits(repo)).toEqual(commits(applied));

  // The default branch is the tag's name; a branch that exists already is git's to refuse.
  const again = patchwatch(["apply", "--fetch", "--branch", "review/aio", HEAD], repo, baseURL!);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/git could not fetch or check out the tag:\n.*already exists/);
  const byTag = patchwatch(["apply", "--fetch", HEAD], repo, baseURL!);
  expect(byTag.status, byTag.stderr).toBe(0);
  expect(git(repo, "symbolic-ref", "--short", "HEAD").trim()).toBe("patchwatch/e2e-cli-aio-cancel");
});
