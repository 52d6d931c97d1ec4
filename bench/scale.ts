/**
 * bench/scale: the web pages on a list of qemu-devel's size.
 *
 *   npm run bench:scale [-- --messages 500000] [--rebuild] [--build-only] [--runs 30]
 *
 * 1. Builds (once; kept for the next run) a database on DATABASE_URL's server, or on
 *    127.0.0.1:5432, named pw_scale: the LTP archive replayed as many times as needed
 *    under rewritten Message-IDs and dates (each copy half a year earlier than the one
 *    before), threads intact, so the project spans years. The archive's largest series
 *    has 10 patches, so a 20-patch series is added, joined from one author's real
 *    series of other topics, replies included (bench/twenty-patch-series.ts).
 * 2. Builds the web app into .next-scale, runs `next start` on it, and measures over
 *    HTTP: the series list (first page and 100th page, reached through its cursors),
 *    the page of the 20-patch series and of the largest series in the archive, a
 *    message page and three searches: p50/p95 server time and bytes, beside a page that
 *    reads no database as the floor of this run; and the gzipped JavaScript the list
 *    page loads.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

import pg from "pg";

import { parseProjectsFile } from "../lib/config/projects-file";
import { closeDb, createDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { analyzeAfterBulkImport } from "../lib/db/ingest/analyze-after-bulk";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { rebuildSeriesFor } from "../lib/flows/ingest/rebuild-project-series";
import { createParser } from "../lib/flows/ingest/parse-pool";
import { openMessageSource } from "../lib/mbox/open-source";
import { percentile, rewriteIds } from "./support";
import { ensureTwentyPatchSeries } from "./twenty-patch-series";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "500000" },
    rebuild: { type: "boolean", default: false },
    "build-only": { type: "boolean", default: false },
    runs: { type: "string", default: "30" },
    port: { type: "string", default: "3950" },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
  },
});
const target = Number(values.messages);
const runs = Number(values.runs);
const port = Number(values.port);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbUrl = (() => {
  const u = new URL(server);
  u.pathname = "/pw_scale";
  return u.toString();
})();
const HALF_YEAR_MS = 182 * 24 * 3600 * 1000;
const projects = parseProjectsFile(
  JSON.stringify({
    projects: [{ name: "ltp", displayName: "LTP at qemu-devel scale", lists: ["ltp@lists.linux.it"] }],
  }),
  "bench",
).projects;

/** Moves the Date header `copy` half-years back. */
function shiftDate(raw: Buffer, copy: number): Buffer {
  if (copy === 0) return raw;
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const shifted = head.replace(/^Date:[ \t]*(.*)$/im, (line, value: string) => {
    const t = Date.parse(value);
    return Number.isNaN(t) ? line : `Date: ${new Date(t - copy * HALF_YEAR_MS).toUTCString()}`;
  });
  return Buffer.from(end < 0 ? shifted : shifted + text.slice(end), "latin1");
}

async function existingSize(): Promise<number | null> {
  const c = new pg.Client({ connectionString: dbUrl });
  try {
    await c.connect();
    const { rows } = await c.query<{ n: string }>("SELECT count(*) AS n FROM message");
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function buildDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS pw_scale WITH (FORCE)");
  await admin.query("CREATE DATABASE pw_scale");
  await admin.end();
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  const corpus: Buffer[] = [];
  for await (const { raw } of openMessageSource(values.archive)) corpus.push(raw);
  const copies = Math.ceil(target / corpus.length);
  const parser = createParser();
  const started = performance.now();
  let done = 0;
  async function* source() {
    for (let c = 0; c < copies; c++)
      for (const [i, m] of corpus.entries()) {
        if (done >= target) return;
        done++;
        yield { raw: shiftDate(rewriteIds(m, c), c), origin: `copy ${c} #${i}` };
      }
  }
  const progress = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    process.stdout.write(`  ${done} messages, ${(done / s).toFixed(0)} msg/s\n`);
  }, 30_000);
  const summary = await importMessages(source(), {
    db,
    projects,
    parser,
    importInto: "ltp",
    skipSeries: true,
  });
  clearInterval(progress);
  console.log(
    `imported ${summary.stored} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  await parser.close();
  await closeDb(db);
  await assemble();
}

/** Assembles every series of the project at once, as after a bulk import. */
async function assemble(): Promise<void> {
  const db = createDb(dbUrl);
  const t = performance.now();
  const projectIds = new Map((await prismaForTests(db).project.findMany()).map((p) => [p.name, p.id]));
  const s = await rebuildSeriesFor(db, projectIds, ["ltp"]);
  await analyzeAfterBulkImport(db);
  console.log(`${s.series} series assembled in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await closeDb(db);
}

async function seriesCount(): Promise<number> {
  const db = createDb(dbUrl);
  const n = await prismaForTests(db).series.count();
  await closeDb(db);
  return n;
}

interface Sample {
  ms: number;
  bytes: number;
  status: number;
  body: string;
}

async function get(pathname: string): Promise<Sample> {
  const t = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
  const body = await response.text();
  return { ms: performance.now() - t, bytes: Buffer.byteLength(body), status: response.status, body };
}

async function measure(label: string, pathname: string): Promise<void> {
  await get(pathname); // warm up
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await get(pathname));
  const bad = samples.find((s) => s.status !== 200);
  if (bad) throw new Error(`${label}: HTTP ${bad.status} for ${pathname}`);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    `${label.padEnd(47)} p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms  ${(samples[0]!.bytes / 1024).toFixed(0).padStart(5)} KB  ${pathname.slice(0, 80)}`,
  );
}

/** Gzipped size of the JavaScript files a page loads. */
async function pageJavaScript(pathname: string): Promise<number> {
  const { body } = await get(pathname);
  // Modern browsers skip `nomodule` scripts (the legacy polyfills).
  // (The attribute may come after src: test the whole tag.)
  const scripts = [...body.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []);
  let total = 0;
  for (const src of new Set(scripts)) {
    const response = await fetch(new URL(src, `http://127.0.0.1:${port}`));
    total += zlib.gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return total;
}

async function main(): Promise<void> {
  const have = await existingSize();
  if (values.rebuild || have === null || have < target) {
    console.log(`building pw_scale with ${target} messages (kept for later runs; --rebuild to redo)`);
    await buildDatabase();
  } else {
    console.log(`using pw_scale: ${have} messages`);
    if ((await seriesCount()) === 0) await assemble();
  }
  // A database built by an earlier version gets the migrations since (search indexes).
  await migrate(dbUrl);
  const twentyDb = createDb(dbUrl);
  const twenty = await ensureTwentyPatchSeries(twentyDb, projects);
  await closeDb(twentyDb);
  console.log(
    `20-patch series ${twenty.headMsgid}, joined from: ${twenty.sources.map((s) => `"${s.title}" (${s.patches})`).join(", ")}`,
  );
  if (values["build-only"]) return;

  const env = {
    ...process.env,
    NEXT_DIST_DIR: ".next-scale",
    DATABASE_URL: dbUrl,
    PATCHWATCH_DATA: "/tmp/pw-scale",
  };
  // `next build` adds its build directory to tsconfig.json: put the file back afterwards.
  const tsconfig = path.join(root, "tsconfig.json");
  const tsconfigText = fs.readFileSync(tsconfig, "utf8");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  fs.writeFileSync(tsconfig, tsconfigText);
  if (build.status !== 0) throw new Error("next build failed");
  const next = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: root,
      env,
      stdio: "ignore",
    },
  );
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error("next start did not answer");
      await new Promise((r) => setTimeout(r, 200));
    }
    // Cursors for the 100th page come from the API, which pages the same way.
    let after: string | null = null;
    for (let page = 1; page < 100; page++) {
      const r = (await (
        await fetch(
          `http://127.0.0.1:${port}/api/v1/series?project=ltp&limit=50${after ? `&after=${after}` : ""}`,
        )
      ).json()) as {
        next: string | null;
      };
      after = r.next;
      if (!after) break;
    }
    const db = createDb(dbUrl);
    // The largest series the archive itself has (not the joined 20-patch one).
    const [big] = await prismaForTests(db).$queryRaw<{ head_msgid: string; received: number }[]>`
      SELECT head_msgid, received FROM series WHERE project_id = (SELECT id FROM project WHERE name = 'ltp')
        AND head_msgid <> ${twenty.headMsgid}
      ORDER BY received DESC, id DESC LIMIT 1`;
    const [reply] = await prismaForTests(db).$queryRaw<
      { msgid: string }[]
    >`SELECT msgid FROM message WHERE kind = 'reply' ORDER BY id DESC LIMIT 1`;
    await closeDb(db);

    console.log(`over HTTP against next start, ${runs} requests each, one at a time:`);
    // The floor on this machine in this run: a page that reads no database (prerendered).
    await measure("baseline: the search help page", "/search/help");
    await measure("series list, first page", "/ltp");
    if (after) await measure("series list, 100th page", `/ltp?after=${encodeURIComponent(after)}`);
    await measure("series page, 20 patches", `/ltp/${encodeURIComponent(twenty.headMsgid)}`);
    if (big)
      await measure(
        `series page, ${big.received} patches (largest in the corpus)`,
        `/ltp/${encodeURIComponent(big.head_msgid)}`,
      );
    if (reply) await measure("message page", `/m/${encodeURIComponent(reply.msgid)}`);
    await measure("search: text", `/ltp?q=${encodeURIComponent("memory leak")}`);
    await measure("search: from + is:reviewed", `/ltp?q=${encodeURIComponent("from:pvorel is:reviewed")}`);
    await measure("search: dfn + age", `/ltp?q=${encodeURIComponent("dfn:tst_test.c age:<1y")}`);
    const js = await pageJavaScript("/ltp");
    console.log(`JavaScript loaded by the series list: ${(js / 1024).toFixed(0)} KB gzipped`);
  } finally {
    next.kill("SIGTERM");
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
