import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedServer } from "../embedded-server";

/**
 * Database tests run against one PostgreSQL server per run: the embedded one (default)
 * or the server named by PATCHWATCH_TEST_DB (e.g. the machine's 127.0.0.1:5432). Each
 * test file then creates a fresh database on it (test-database.ts).
 */
declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    serverLabel: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = process.env.PATCHWATCH_TEST_DB ?? "embedded";
  if (target !== "embedded") {
    project.provide("adminUrl", target);
    project.provide("serverLabel", target.replace(/:[^:@/]*@/, ":***@"));
    return async () => undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-test-pg-"));
  const server = await startEmbeddedServer(dir);
  project.provide("adminUrl", server.url);
  project.provide("serverLabel", "embedded");
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
