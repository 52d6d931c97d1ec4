import crypto from "node:crypto";
import zlib from "node:zlib";

import { bulkInsert } from "../bulk-insert";
import { inSqlTransaction, type Db } from "../client";

/**
 * Step one of ingestion: the bytes are committed before anything looks inside them, so a
 * crash or a parser bug can never lose a message. Identical bytes are stored once
 * (sha256); a message whose bytes differ but whose Message-ID repeats is stored too and
 * later marked as a duplicate.
 */
export interface IncomingRaw {
  raw: Buffer;
  source: string;
  importedInto?: string | undefined;
}

export interface StoredRaw {
  rawId: bigint;
  /** Whether this call stored it (false: the same bytes were already there). */
  isNew: boolean;
  /** Still waiting for parsing: new, or left pending by an interrupted run. */
  pending: boolean;
}

// Level 1: most of the gain of gzip at a fraction of its cost; raw mail is write-once.
// Synchronous on purpose: zlib's asynchronous calls cost three times the CPU (a stream,
// its buffers and a thread-pool hop per message), and CPU is what a bulk import is short of.
const GZIP_LEVEL = 1;

/** Message-ID as the top-level header gives it, for the raw row only (parsing decides for real). */
export function peekMessageId(raw: Buffer): string {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const header = end >= 0 ? head.slice(0, end) : head;
  const match = /^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(header);
  const value = match?.[1]?.replace(/\s+/g, "") ?? "";
  const bracketed = /<([^<>]*)>/.exec(value);
  return (bracketed?.[1] ?? value).slice(0, 998);
}

export async function storeRawMessages(db: Db, items: IncomingRaw[]): Promise<StoredRaw[]> {
  if (items.length === 0) return [];
  const hashes = items.map((i) => crypto.createHash("sha256").update(i.raw).digest());
  const compressed = items.map((item) => zlib.gzipSync(item.raw, { level: GZIP_LEVEL }));
  const rows = items.map((item, i) => [
    hashes[i],
    peekMessageId(item.raw),
    item.raw.length,
    compressed[i],
    item.source,
    item.importedInto ?? null,
  ]);
  const { inserted, existing } = await inSqlTransaction(db, async (sql) => {
    const inserted = await bulkInsert<{ id: string; sha256: Buffer }>(
      sql,
      "raw_message",
      ["sha256", "msgid", "size", "data", "source", "imported_into"],
      rows,
      "ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256",
    );
    const fresh = new Set(inserted.map((r) => r.sha256.toString("hex")));
    const missing = hashes.filter((h) => !fresh.has(h.toString("hex")));
    const existing = missing.length
      ? (
          await sql.query<{ id: string; sha256: Buffer; state: string }>(
            "SELECT id, sha256, state::text AS state FROM raw_message WHERE sha256 = ANY($1::bytea[])",
            [missing],
          )
        ).rows
      : [];
    return { inserted, existing };
  });
  const newByHash = new Map(inserted.map((r) => [r.sha256.toString("hex"), BigInt(r.id)]));
  const oldByHash = new Map(existing.map((r) => [r.sha256.toString("hex"), r]));
  const seenInBatch = new Set<string>();
  return hashes.map((h) => {
    const key = h.toString("hex");
    const fresh = newByHash.get(key);
    // The same bytes twice in one batch: the first occurrence carries the work.
    if (fresh !== undefined && !seenInBatch.has(key)) {
      seenInBatch.add(key);
      return { rawId: fresh, isNew: true, pending: true };
    }
    const old = oldByHash.get(key);
    const rawId = fresh ?? (old ? BigInt(old.id) : undefined);
    if (rawId === undefined) throw new Error("raw message vanished while being stored");
    return { rawId, isNew: false, pending: fresh === undefined && old?.state === "pending" };
  });
}

export function inflateRaw(data: Uint8Array): Buffer {
  return zlib.gunzipSync(data);
}
