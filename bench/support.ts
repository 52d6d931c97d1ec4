import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { startEmbeddedServer } from "../lib/db/embedded-server";

/** Pieces the benchmarks share: a fresh database, rewritten copies of the corpus, percentiles. */

/** Gives every Message-ID (and every reference to one) a per-copy suffix. */
export function rewriteIds(raw: Buffer, copy: number): Buffer {
  if (copy === 0) return raw;
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = (end < 0 ? text : text.slice(0, end)).replace(/<([^<>@\s]+)@/g, `<$1.c${copy}@`);
  return Buffer.from(end < 0 ? head : head + text.slice(end), "latin1");
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function freshDatabase(label = "db"): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const name = `pw_bench_${process.pid}_${label}`;
  const make = async (adminUrl: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    const url = await make(admin);
    return {
      url,
      cleanup: async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-bench-"));
  const server = await startEmbeddedServer(dir);
  return {
    url: await make(server.url),
    cleanup: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
