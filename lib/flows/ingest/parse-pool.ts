import os from "node:os";
import { Worker } from "node:worker_threads";

import { parseMessage } from "../../mail/parse-message";
import type { ParseResult } from "../../mail/types";

/**
 * Parsing is the costliest step of ingestion and is CPU-bound, so archives are parsed
 * on worker threads while the main thread writes to the database. With zero threads
 * (tests, tiny imports) it parses inline.
 */
export interface Parser {
  parse(raws: Buffer[]): Promise<ParseResult[]>;
  close(): Promise<void>;
}

export function inlineParser(): Parser {
  return {
    parse: (raws) => Promise.all(raws.map((r) => parseMessage(r))),
    close: async () => undefined,
  };
}

interface Pending {
  resolve: (r: ParseResult[]) => void;
  reject: (e: Error) => void;
}

/**
 * Parser threads by default: none below 4 cores. On the 2-core machines measured
 * (README, Speed), parsing inline while PostgreSQL works on the other core beat a parse
 * thread by a third: mailparser is allocation-bound, two parsers slow each other down
 * even as separate processes, and the thread pays for cloning every result back.
 */
export function defaultThreadCount(): number {
  const cores = os.availableParallelism();
  return cores >= 4 ? Math.min(4, cores - 2) : 0;
}

/** The parser ingestion uses: `threads` parse threads, or inline parsing for zero. */
export function createParser(threads = defaultThreadCount()): Parser {
  return threads > 0 ? threadedParser(threads) : inlineParser();
}

function threadedParser(threads: number): Parser {
  const workerUrl = new URL("./parse-worker-entry.mjs", import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let turn = 0;
  for (const w of workers) {
    w.on("message", (m: { id: number; results?: ParseResult[]; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.results) p.resolve(m.results);
      else p.reject(new Error(m.error ?? "parse worker failed"));
    });
    w.on("error", (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  async function parseChunk(raws: Buffer[]): Promise<ParseResult[]> {
    const id = nextId++;
    const worker = workers[turn++ % workers.length]!;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, raws });
    });
  }
  return {
    async parse(raws) {
      // Split the batch so every thread gets a share.
      const size = Math.ceil(raws.length / workers.length) || 1;
      const chunks: Buffer[][] = [];
      for (let i = 0; i < raws.length; i += size) chunks.push(raws.slice(i, i + size));
      return (await Promise.all(chunks.map(parseChunk))).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
