import fs from "node:fs";
import path from "node:path";

import { extractMessageIds } from "../../lib/mail/message-id";
import { readRawHeader } from "../../lib/mbox/raw-header";
import { openMessageSource } from "../../lib/mbox/open-source";
import { runGitOk } from "../../lib/git/run";
import { preimageTree } from "./preimage-tree";

/**
 * A stand-in for the LTP upstream tree in the browser tests. The sample's `ltp` project
 * names github.com's repository, which the tests cannot reach; this local bare repository
 * has one commit on master holding the files a few sample series change, rebuilt from the
 * patches' own preimages (preimage-tree.ts) with the modes the patches name. The server's
 * applier then applies those series for real; nearly every other series of the sample
 * fails on this tree, as it may.
 */

/**
 * Series of the sample with no base-commit and no Based-on, so they go on the branch head:
 * one that deletes files and was reviewed in replies, one of two patches, and the one
 * cli.spec.ts applies, reviewed in replies to its patches and to its cover letter.
 */
export const SAMPLE_APPLIED_SERIES = [
  {
    head: "20250804093520.212221-1-pvorel@suse.cz",
    version: 1,
    title: "commands: Remove eject test",
    patches: [{ msgid: "20250804093520.212221-1-pvorel@suse.cz", subject: "commands: Remove eject test" }],
  },
  {
    head: "20250822063331.28886-1-wegao@suse.com",
    version: 4,
    title: "fspick01.c: Check mount point was really remounted read only",
    patches: [
      {
        msgid: "20250822063331.28886-2-wegao@suse.com",
        subject: "tst_device.c: Add tst_is_mounted_ro/w check mount option",
      },
      {
        msgid: "20250822063331.28886-3-wegao@suse.com",
        subject: "fspick01.c: Check mount point was really remounted read only",
      },
    ],
  },
  {
    head: "20260203125029.15413-1-mdoucha@suse.cz",
    version: 1,
    title: "Rewrite aio_cancel_2-1",
    patches: [
      {
        msgid: "20260203125029.15413-2-mdoucha@suse.cz",
        subject: "openposix/aio_cancel: Add helper functions for setup and cleanup",
      },
      {
        msgid: "20260203125029.15413-3-mdoucha@suse.cz",
        subject: "openposix/aio_cancel: Use setup helper functions in tests 5 and 7",
      },
      { msgid: "20260203125029.15413-4-mdoucha@suse.cz", subject: "aio_cancel_2-1: Rewrite test" },
    ],
  },
] as const;

export const SAMPLE_UPSTREAM_BRANCH = "master";

/** Where the stand-in lives: inside the e2e data directory, so it goes with it. */
export function sampleUpstreamPaths(dataDir: string): { upstream: string; projectsFile: string } {
  const dir = path.join(dataDir, "e2e");
  return { upstream: path.join(dir, "ltp-upstream.git"), projectsFile: path.join(dir, "projects.json") };
}

/** Fixed, so that the base commit has the same id on every run. */
const IDENTITY = {
  GIT_AUTHOR_NAME: "LTP upstream stand-in",
  GIT_AUTHOR_EMAIL: "upstream@patchwatch.invalid",
  GIT_AUTHOR_DATE: "@1754006400 +0000",
  GIT_COMMITTER_NAME: "LTP upstream stand-in",
  GIT_COMMITTER_EMAIL: "upstream@patchwatch.invalid",
  GIT_COMMITTER_DATE: "@1754006400 +0000",
};

/** The patch mails of SAMPLE_APPLIED_SERIES as stored in the sample archive, in series order. */
async function samplePatchTexts(sampleMbox: string): Promise<string[]> {
  const wanted: string[] = SAMPLE_APPLIED_SERIES.flatMap((s) => s.patches.map((p) => p.msgid));
  const found = new Map<string, string>();
  for await (const { raw } of openMessageSource(sampleMbox)) {
    const field = readRawHeader(raw).fields.find((f) => f.name === "message-id");
    const msgid = field ? extractMessageIds(field.value)[0] : undefined;
    if (msgid && wanted.includes(msgid)) found.set(msgid, raw.toString("utf8"));
  }
  const missing = wanted.filter((m) => !found.has(m));
  if (missing.length) throw new Error(`the sample archive has no message ${missing.join(", ")}`);
  return wanted.map((m) => found.get(m)!);
}

/** The mode a patch says a file had before it (`index a..b 100755`, `deleted file mode 100755`), when it says one. */
function preimageModes(patchTexts: readonly string[]): Map<string, string> {
  const modes = new Map<string, string>();
  for (const text of patchTexts)
    for (const section of text.split(/^(?=diff --git )/m).slice(1)) {
      const file = /^diff --git a\/(\S+) b\//.exec(section)?.[1];
      const mode = /^(?:index \S+ |deleted file mode |old mode )(100644|100755)$/m.exec(section)?.[1];
      if (file && mode) modes.set(file, mode);
    }
  return modes;
}

/**
 * Builds (or builds again, to the same commit) the stand-in upstream at `gitDir` from the
 * sample archive; returns its branch head.
 */
export async function buildSampleUpstream(sampleMbox: string, gitDir: string): Promise<string> {
  const patchTexts = await samplePatchTexts(sampleMbox);
  const files = preimageTree(patchTexts);
  const modes = preimageModes(patchTexts);
  files.set("README", "Linux Test Project (the files a few sample series change, as they were before)\n");
  fs.mkdirSync(path.dirname(gitDir), { recursive: true });
  await runGitOk(["init", "--bare", "--quiet", gitDir]);
  const git = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
    runGitOk([`--git-dir=${gitDir}`, ...args], options).then((r) => r.stdout.toString().trim());
  // A private index: a bare repository has none, and write-tree builds the nested tree from it.
  const index = path.join(gitDir, "stand-in-index");
  fs.rmSync(index, { force: true });
  const entries: string[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const blob = await git(["hash-object", "-w", "--stdin"], { input: text });
    entries.push(`${modes.get(file) ?? "100644"} ${blob}\t${file}\n`);
  }
  await git(["update-index", "--index-info"], { input: entries.join(""), env: { GIT_INDEX_FILE: index } });
  const tree = await git(["write-tree"], { env: { GIT_INDEX_FILE: index } });
  fs.rmSync(index, { force: true });
  const commit = await git(["commit-tree", tree, "-m", "LTP before the sample series"], { env: IDENTITY });
  await git(["update-ref", `refs/heads/${SAMPLE_UPSTREAM_BRANCH}`, commit]);
  await git(["symbolic-ref", "HEAD", `refs/heads/${SAMPLE_UPSTREAM_BRANCH}`]);
  return commit;
}

/**
 * The projects file as given, with the `ltp` project's tree replaced by the stand-in. It
 * never moves, so it is fetched once a day: no periodic round runs during the tests and
 * the results they read stay put.
 */
export function withSampleUpstream(projectsFileText: string, upstream: string): string {
  const file = JSON.parse(projectsFileText) as { projects: { name: string; git?: unknown }[] };
  const ltp = file.projects.find((p) => p.name === "ltp");
  if (!ltp) throw new Error("the projects file has no project 'ltp'");
  ltp.git = { url: upstream, branch: SAMPLE_UPSTREAM_BRANCH, fetchMinutes: 24 * 60 };
  return JSON.stringify(file, null, 2) + "\n";
}
