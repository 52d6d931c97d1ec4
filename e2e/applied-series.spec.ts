import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test, type APIRequestContext } from "@playwright/test";

import { seriesTagName } from "../lib/apply/tag-name";
import { runGitOk } from "../lib/git/run";
import { seriesHref } from "../lib/routes";
import {
  SAMPLE_APPLIED_SERIES,
  SAMPLE_UPSTREAM_BRANCH,
  sampleUpstreamPaths,
} from "./support/sample-upstream";

// The applier at work on the sample archive: the server's `ltp` tree is a local stand-in
// holding what a few sample series change (support/sample-upstream.ts). The applier,
// asked at worker start, applies them with `git am --3way` and publishes a tag each; the
// list and the series page show the result, and the command the page gives fetches the
// commits into a clone of the upstream.
test.describe.configure({ mode: "serial" });

const { upstream } = sampleUpstreamPaths(process.env.E2E_DATA_DIR!);
/** The first apply round goes over every series of the sample: a minute, more on a busy machine. */
const ROUND_TIMEOUT_MS = 10 * 60_000;

interface ApplyJson {
  status: string;
  baseKind: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  commits: string[];
  tag: string | null;
  fetchUrl: string | null;
  log: string | null;
}

async function git(args: string[], cwd?: string): Promise<string> {
  return (await runGitOk(args, { cwd, timeoutMs: 120_000 })).stdout.toString().trim();
}

async function applyOf(request: APIRequestContext, head: string): Promise<ApplyJson | null> {
  const response = await request.get(`/api/v1/series/ltp/${encodeURIComponent(head)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { apply: ApplyJson | null }).apply;
}

/** The series' first apply result: the applier writes one per series and round. */
async function firstApplyResult(request: APIRequestContext, head: string): Promise<ApplyJson> {
  const seen: { apply: ApplyJson | null } = { apply: null };
  await expect
    .poll(async () => (seen.apply = await applyOf(request, head))?.status ?? "no result yet", {
      timeout: ROUND_TIMEOUT_MS,
      intervals: [1_000, 2_000, 5_000],
    })
    .not.toBe("no result yet");
  return seen.apply!;
}

let base: string;
const applied = new Map<string, ApplyJson>();
/** Clones of the upstream: one fetches the applied tags, the other applies the mboxes itself. */
let work: string;
const fetched = () => path.join(work, "fetched");
const byHand = () => path.join(work, "by-hand");

test.beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-e2e-applied-"));
});

test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test("the applier applies the sample series on the head of the upstream branch", async ({ request }) => {
  test.setTimeout(ROUND_TIMEOUT_MS + 60_000);
  base = await git([
    `--git-dir=${upstream}`,
    "rev-parse",
    "--verify",
    `refs/heads/${SAMPLE_UPSTREAM_BRANCH}`,
  ]);
  for (const series of SAMPLE_APPLIED_SERIES) {
    const result = await firstApplyResult(request, series.head);
    expect(result.status, `${series.title}: ${result.log ?? ""}`).toBe("applied");
    expect(result).toMatchObject({
      baseKind: "branch-head",
      baseCommit: base,
      baseReason: `no base named; applied on the head of ${SAMPLE_UPSTREAM_BRANCH} (${base.slice(0, 12)})`,
      tag: seriesTagName(series.head, series.version),
      fetchUrl: "/git/ltp",
    });
    expect(result.commits).toHaveLength(series.patches.length);
    applied.set(series.head, result);
  }
  // The mirror is the stand-in, fetched once (the global setup waited for this round to end).
  const health = (await (await request.get("/api/health")).json()) as {
    applier: { project: string; url: string; head: string | null }[];
  };
  expect(health.applier.find((a) => a.project === "ltp")).toMatchObject({ url: upstream, head: base });
});

test("the list shows the applied badge on each applied series", async ({ page }) => {
  for (const series of SAMPLE_APPLIED_SERIES) {
    await page.goto(`/ltp?q=${encodeURIComponent(`"${series.title}"`)}`);
    const row = page
      .locator("li[data-series-row]")
      .filter({ has: page.locator(`a[data-row-link][href="${seriesHref("ltp", series.head)}"]`) });
    await expect(row).toHaveCount(1);
    const badge = row.locator(".badge", { hasText: /^applied$/ });
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute("title", /^Applied: /);
  }
});

test("the series page shows the base and the fetch command, which fetches the series' commits", async ({
  page,
  baseURL,
}) => {
  const clone = fetched();
  await git(["clone", "--quiet", upstream, clone]);
  for (const series of SAMPLE_APPLIED_SERIES) {
    const result = applied.get(series.head)!;
    await page.goto(seriesHref("ltp", series.head));
    const box = page.getByRole("region", { name: "How to apply" });
    const outcome = box.locator("[data-apply-status]");
    await expect(outcome).toHaveAttribute("data-apply-status", "applied");
    await expect(outcome.getByText("Applied", { exact: true })).toBeVisible();
    await expect(outcome.locator("code", { hasText: base.slice(0, 12) }).first()).toBeVisible();
    await expect(outcome.getByText(result.baseReason!, { exact: true })).toBeVisible();
    await expect(outcome.getByRole("list", { name: "Applied commits" }).getByRole("listitem")).toHaveText(
      result.commits.map((sha, i) => `${sha.slice(0, 12)} ${series.patches[i]!.subject}`),
    );
    const command = outcome.getByRole("textbox", { name: "Command that fetches the applied series" });
    const tag = seriesTagName(series.head, series.version);
    await expect(command).toHaveValue(`git fetch ${baseURL}/git/ltp ${tag}`);

    // The command as shown, word by word (neither the URL nor the tag holds a space).
    const [program, ...args] = (await command.inputValue()).split(" ");
    expect(program).toBe("git");
    await git(args, clone);
    expect(await git(["rev-list", "--reverse", `${base}..FETCH_HEAD`], clone)).toBe(
      result.commits.join("\n"),
    );
    expect(await git(["rev-parse", "FETCH_HEAD~" + series.patches.length], clone)).toBe(base);
    const subjects = await git(["log", "--reverse", "--format=%s", `${base}..FETCH_HEAD`], clone);
    expect(subjects.split("\n")).toEqual(series.patches.map((p) => p.subject));
  }
});

/** The commits `git am -3` makes of each series' mbox in the other clone, as the page's mbox command does. */
const amByHand = new Map<string, string[]>();

async function commitFacts(repo: string, commit: string, format: string): Promise<string> {
  return git(["show", "--no-patch", "--date=raw", `--format=${format}`, commit], repo);
}

/** Each applied commit beside the one `git am -3` made of the same patch, in `format`. */
async function sideBySide(format: string): Promise<{ applier: string[]; am: string[] }> {
  const applier: string[] = [];
  const am: string[] = [];
  for (const series of SAMPLE_APPLIED_SERIES) {
    const ours = amByHand.get(series.head)!;
    for (const [i, sha] of applied.get(series.head)!.commits.entries()) {
      applier.push(await commitFacts(fetched(), sha, format));
      am.push(await commitFacts(byHand(), ours[i]!, format));
    }
  }
  return { applier, am };
}

test("`git am -3` of the series mbox makes the fetched commits' trees, subjects and author dates", async ({
  request,
}) => {
  const repo = byHand();
  await git(["clone", "--quiet", upstream, repo]);
  for (const series of SAMPLE_APPLIED_SERIES) {
    await git(["checkout", "--quiet", "--detach", base], repo);
    const mbox = await request.get(`${seriesHref("ltp", series.head)}/mbox`);
    expect(mbox.status()).toBe(200);
    await runGitOk(["am", "-3", "--patch-format=mboxrd"], {
      cwd: repo,
      input: await mbox.body(),
      env: { GIT_COMMITTER_NAME: "Maintainer", GIT_COMMITTER_EMAIL: "maintainer@example.org" },
    });
    const ours = (await git(["rev-list", "--reverse", `${base}..HEAD`], repo)).split("\n");
    expect(ours).toHaveLength(series.patches.length);
    amByHand.set(series.head, ours);
  }
  const { applier, am } = await sideBySide("%T %ad %s");
  expect(applier).toEqual(am);
});

test("the fetched commits are those `git am -3` makes of the series mbox, authors and trailers too", async () => {
  const { applier, am } = await sideBySide("%an <%ae>%n%B");
  expect(applier).toEqual(am);
});
