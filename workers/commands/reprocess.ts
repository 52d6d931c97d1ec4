import { projectsConfig } from "../../lib/config/server-config";
import type { Db } from "../../lib/db/client";
import { createParser, defaultThreadCount } from "../../lib/flows/ingest/parse-pool";
import { reprocess } from "../../lib/flows/ingest/reprocess";
import { printSummary } from "./import";

export async function reprocessCommand(db: Db, opts: { pending?: boolean; threads?: number }): Promise<void> {
  const projects = projectsConfig().projects;
  const threads = opts.threads ?? defaultThreadCount();
  const parser = createParser(threads);
  try {
    const summary = await reprocess(db, projects, parser, { pendingOnly: opts.pending ?? false });
    printSummary(summary);
  } finally {
    await parser.close();
  }
}
