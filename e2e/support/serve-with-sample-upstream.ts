import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { loadConfig } from "../../lib/config/environment";
import { buildSampleUpstream, sampleUpstreamPaths, withSampleUpstream } from "./sample-upstream";

/**
 * The browser tests' server: `npm start` (workers/start.ts) on a projects file whose `ltp`
 * tree is a local stand-in built from the sample's own patches (sample-upstream.ts), so
 * the applier applies sample series as it would on the real tree.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const config = loadConfig();
const { upstream, projectsFile } = sampleUpstreamPaths(config.dataDir);
const head = await buildSampleUpstream(path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz"), upstream);
fs.writeFileSync(projectsFile, withSampleUpstream(fs.readFileSync(config.projectsFile, "utf8"), upstream));
process.stdout.write(`ltp upstream stand-in: ${upstream} (master at ${head})\n`);
// The server reads its configuration when it starts, after this.
process.env.PATCHWATCH_PROJECTS = projectsFile;
await import("../../workers/start");
