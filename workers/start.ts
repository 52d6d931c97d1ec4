import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import next from "next";

import { exportDatabaseUrl, loadConfig } from "../lib/config/environment";
import { loadProjects } from "../lib/config/projects-file";
import { countRawMessages } from "../lib/db/ingest/count-raw-messages";
import { openDatabase } from "../lib/db/open-database";
import { userMessage } from "../lib/errors";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { createParser } from "../lib/flows/ingest/parse-pool";
import { createLog } from "../lib/log";
import { openMessageSource } from "../lib/mbox/open-source";
import { startWorkers, WORKER_NAMES } from "./index";

/**
 * `npm start`: the database (embedded unless DATABASE_URL is set), the sample archive on
 * first start, every worker, and the web server, in one process.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE = { file: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz"), project: "ltp" };

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (
      entry === "node_modules" ||
      entry === "generated" ||
      entry.startsWith(".") ||
      entry.endsWith(".test.ts")
    )
      continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Builds the web app when there is no build or the sources are newer than it. */
function ensureBuild(distDir: string): void {
  // next.config.js builds into NEXT_DIST_DIR when it is set: look for the build there.
  const buildId = path.join(root, distDir, "BUILD_ID");
  const sources = ["app", "lib", "public", "next.config.js", "package.json"]
    .map((p) => path.join(root, p))
    .filter((p) => fs.existsSync(p));
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  log("building the web app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("the web app did not build (see above)");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const projects = loadProjects(config.projectsFile).projects;
  const open = await openDatabase(config, (l) => log(`postgres: ${l}`));
  log(`database: ${open.mode === "url" ? "DATABASE_URL" : `embedded, data in ${config.dataDir}`}`);

  // The sample goes into an empty database only. A marker file stands while the import
  // runs, so a first start killed half-way finishes the import on the next start
  // (importing is idempotent).
  const unfinished = path.join(config.dataDir, "sample-import.unfinished");
  const emptyDatabase = (await countRawMessages(open.db)) === 0;
  if (
    (emptyDatabase || fs.existsSync(unfinished)) &&
    fs.existsSync(SAMPLE.file) &&
    projects.some((p) => p.name === SAMPLE.project)
  ) {
    log(`first start: importing the sample archive ${path.basename(SAMPLE.file)} into '${SAMPLE.project}'`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(unfinished, "");
    const parser = createParser();
    try {
      const s = await importMessages(openMessageSource(SAMPLE.file), {
        db: open.db,
        projects,
        parser,
        importInto: SAMPLE.project,
      });
      fs.rmSync(unfinished);
      log(
        `imported ${s.stored} messages, ${s.series} series (${s.completeSeries} complete), ${s.failed} errors in ${(s.elapsedMs / 1000).toFixed(1)} s`,
      );
    } finally {
      await parser.close();
    }
  }

  const workers = await startWorkers(WORKER_NAMES, {
    db: open.db,
    databaseUrl: open.url,
    projects,
    log: createLog(config.logLevel),
    config,
  });

  ensureBuild(config.nextDistDir);
  exportDatabaseUrl(open.url);
  const app = next({ dev: false, dir: root, hostname: "0.0.0.0", port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => void handle(req, res));
  server.listen(config.port, () => log(`Patchwatch is at http://localhost:${config.port}`));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    server.close();
    await workers.stop();
    await app.close?.();
    await open.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`patchwatch: ${userMessage(error)}\n`);
  process.exit(1);
});
