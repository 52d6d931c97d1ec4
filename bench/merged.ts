/**
 * bench/merged: merged detection on real data. Imports the LTP list slice into a fresh
 * database, indexes the real LTP tree's commits the way the upstream watcher does (one
 * `git log` and one `git log -p | git patch-id --stable` stream), and scores each matching
 * method against the truth the tree carries: commits whose `Link:` trailer names a patch
 * mail of the slice.
 *
 *   npm run bench:merged [-- REPO] [--since YYYY-MM-DD] [--archive FILE]
 *
 * REPO is a git directory holding the upstream branch (default: the LTP repository at
 * /work/.mirror/linux-test-project+ltp/repo, read in place). --since indexes the commits
 * from that date (default: the worker's first-scan window, from the oldest series of the
 * slice). The trailer method is left out when scoring against trailer truth: patch-id and
 * subject+author are scored on it, and what they find on commits with no Link is counted.
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { loadProjects } from "../lib/config/projects-file";
import { closeDb, createDb, type Db } from "../lib/db/client";
import { loadMergeCandidates } from "../lib/db/merged/patch-matches";
import { oldestUnmergedSeries } from "../lib/db/merged/upstream-commits";
import { migrate } from "../lib/db/migrate";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { createParser, defaultThreadCount } from "../lib/flows/ingest/parse-pool";
import { indexCommits } from "../lib/flows/merged/detect-merged";
import { matchMerged } from "../lib/flows/merged/match-merged";
import { mirrorHead } from "../lib/git/mirror";
import { openMessageSource } from "../lib/mbox/open-source";
import { matchPatches, subjectKey, type MergeHow, type PatchMatch } from "../lib/series/merge-match";
import { freshDatabase } from "./support";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    since: { type: "string" },
    branch: { type: "string", default: "master" },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
  },
});
const repo = positionals[0] ?? "/work/.mirror/linux-test-project+ltp/repo";

interface PatchFacts {
  key: string;
  seriesId: string;
  index: number;
  title: string;
  author: string;
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);

async function main(): Promise<void> {
  const { url, cleanup } = await freshDatabase("merged");
  await migrate(url);
  const db = createDb(url);
  const projects = loadProjects(path.join(root, "projects.json")).projects;
  const parser = createParser(defaultThreadCount());
  const imported = await importMessages(openMessageSource(values.archive), {
    db,
    projects,
    parser,
    importInto: "ltp",
  });
  await parser.close();
  const project = await prismaForTests(db).project.findUniqueOrThrow({
    where: { name: "ltp" },
    select: { id: true },
  });
  const ownerId = project.id;

  const head = await mirrorHead(repo, values.branch);
  const oldest = await oldestUnmergedSeries(db, [ownerId]);
  const since = values.since
    ? new Date(values.since)
    : oldest
      ? new Date(oldest.getTime() - 86_400_000)
      : null;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const shas = await indexCommits(db, ownerId, repo, head, { since });
  const indexSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);

  console.log(
    `corpus: ${path.basename(values.archive)}: ${imported.stored} messages, ${imported.series} series; ` +
      `tree: ${repo} ${values.branch} at ${head.slice(0, 12)}, ${shas.length} commits since ${since?.toISOString().slice(0, 10) ?? "the start"}`,
  );
  console.log(
    `indexing (git log + git log -p | git patch-id --stable, parse, store): ${(shas.length / indexSeconds).toFixed(0)} commits/s, ` +
      `${indexSeconds.toFixed(2)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );

  const { patches, commits } = await loadMergeCandidates(db, { ownerId, projectIds: [ownerId] });
  const facts = await patchFacts(db);
  const related = await revisionRelation(db);
  const commitLinks = new Map(commits.map((c) => [c.sha, c.msgids]));
  const patchByMsgid = new Map(patches.map((p) => [p.msgid, p.key]));

  // Truth: (patch, commit) pairs a commit's Link:/Message-Id: trailer names.
  const truth = new Map<string, Set<string>>();
  const truthByCommit = new Map<string, string[]>();
  for (const c of commits)
    for (const id of c.msgids) {
      const key = patchByMsgid.get(id);
      if (!key) continue;
      truth.set(key, (truth.get(key) ?? new Set()).add(c.sha));
      truthByCommit.set(c.sha, [...(truthByCommit.get(c.sha) ?? []), key]);
    }
  const truthPairs = [...truth.values()].reduce((n, s) => n + s.size, 0);
  const truthSeries = new Set([...truth.keys()].map((k) => facts.get(k)!.seriesId));
  console.log(
    `truth: ${truthByCommit.size} commits with a Link: to a patch mail of the slice, naming ${truth.size} patches of ${truthSeries.size} series`,
  );

  /** A match is right when the commit's Link names the patch, or the same patch (same index or subject) of another revision. */
  const correct = (key: string, m: PatchMatch): boolean => {
    if (truth.get(key)?.has(m.sha)) return true;
    const p = facts.get(key)!;
    return (truthByCommit.get(m.sha) ?? []).some((other) => {
      const o = facts.get(other)!;
      return (
        related(p.seriesId, o.seriesId) &&
        (o.index === p.index || subjectKey(o.title) === subjectKey(p.title))
      );
    });
  };
  /** Not joined to the linked patch's series as a revision, but the same patch: same subject, same author. */
  const repost = (key: string, m: PatchMatch): boolean => {
    const p = facts.get(key)!;
    return (truthByCommit.get(m.sha) ?? []).some((other) => {
      const o = facts.get(other)!;
      return subjectKey(o.title) === subjectKey(p.title) && o.author === p.author;
    });
  };
  const seriesRight = (seriesId: string) => [...truthSeries].some((t) => related(seriesId, t));

  const runs: [string, MergeHow[]][] = [
    ["patch-id", ["patch-id"]],
    ["trailer (Link:/Message-Id:)", ["message-id"]],
    ["subject+author", ["subject"]],
    ["patch-id, then subject+author", ["patch-id", "subject"]],
    ["all three (the worker's order)", ["patch-id", "message-id", "subject"]],
  ];
  console.log(
    "\nmethod | patches found | judged | precision | (counting reposts) | recall (of Link truth) | on commits with no Link | series found | series precision | series recall",
  );
  for (const [label, methods] of runs) {
    const found = matchPatches(patches, commits, methods);
    let judged = 0;
    let right = 0;
    let noLink = 0;
    let recalled = 0;
    let reposts = 0;
    for (const [key, m] of found) {
      const linked = commitLinks.get(m.sha) ?? [];
      if (linked.length === 0) noLink++;
      if (truth.has(key) || truthByCommit.has(m.sha)) {
        judged++;
        if (correct(key, m)) right++;
        else if (repost(key, m)) reposts++;
      }
    }
    for (const [key, shas] of truth) if (shas.has(found.get(key)?.sha ?? "")) recalled++;
    const seriesFound = new Set([...found.keys()].map((k) => facts.get(k)!.seriesId));
    const seriesJudged = [...seriesFound].filter(
      (s) =>
        seriesRight(s) ||
        [...found].some(([k, m]) => facts.get(k)!.seriesId === s && truthByCommit.has(m.sha)),
    );
    const seriesCorrect = seriesJudged.filter(seriesRight).length;
    const seriesRecalled = [...truthSeries].filter((s) => seriesFound.has(s)).length;
    console.log(
      `${label} | ${found.size} | ${judged} | ${pct(right, judged)} | ${pct(right + reposts, judged)} | ${pct(recalled, truthPairs)} | ${noLink} | ` +
        `${seriesFound.size} | ${pct(seriesCorrect, seriesJudged.length)} | ${pct(seriesRecalled, truthSeries.size)}`,
    );
  }

  // The worker's own path: match, record, and what leaves the open list.
  const before = await openSeries(db, ownerId);
  const t1 = performance.now();
  const recorded = await matchMerged(db, { ownerId, projectIds: [ownerId] });
  const matchMs = performance.now() - t1;
  const after = await openSeries(db, ownerId);
  const partial = await prismaForTests(db).series.count({
    where: { projectId: ownerId, mergeNote: { not: null } },
  });
  console.log(
    `\nworker match over every patch and commit: ${matchMs.toFixed(0)} ms; patches matched by patch-id ${recorded.patches["patch-id"]}, ` +
      `by trailer ${recorded.patches["message-id"]}, by subject+author ${recorded.patches.subject}; ${recorded.series} series merged ` +
      `(${partial} with patches not found, in merge_note); open series ${before} -> ${after}`,
  );

  await closeDb(db);
  await cleanup();
}

async function patchFacts(db: Db): Promise<Map<string, PatchFacts>> {
  const rows = await prismaForTests(db).$queryRawUnsafe<
    { id: bigint; series_id: bigint; index: number; title: string; from_email: string }[]
  >(
    `SELECT pt.id, pt.series_id, pt.index, m.title, m.from_email FROM patch pt JOIN message m ON m.id = pt.message_id`,
  );
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        key: String(r.id),
        seriesId: String(r.series_id),
        index: r.index,
        title: r.title,
        author: r.from_email.toLowerCase(),
      },
    ]),
  );
}

/** Whether two series are revisions of one another (or the same series). */
async function revisionRelation(db: Db): Promise<(a: string, b: string) => boolean> {
  const rows = await prismaForTests(db).$queryRawUnsafe<
    { id: bigint; head_msgid: string; revisions: string[] }[]
  >(`SELECT id, head_msgid, revisions FROM series`);
  const head = new Map(rows.map((r) => [String(r.id), r.head_msgid]));
  const revisions = new Map(rows.map((r) => [String(r.id), new Set(r.revisions)]));
  return (a, b) =>
    a === b || !!revisions.get(a)?.has(head.get(b) ?? "") || !!revisions.get(b)?.has(head.get(a) ?? "");
}

async function openSeries(db: Db, projectId: number): Promise<number> {
  return prismaForTests(db).series.count({ where: { projectId, obsoletedBy: null, mergedAt: null } });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
