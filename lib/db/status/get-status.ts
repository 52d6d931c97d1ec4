import type { ImapSource } from "../../config";
import type { Db } from "../client";
import { QUEUES } from "../jobs";

/**
 * What `patchwatch status` and GET /api/health report: each IMAP source (connected,
 * last message, backlog, last error), each job queue (waiting, active, failed), and the
 * raw messages waiting for or refused by processing.
 */
export interface SourceStatus {
  key: string;
  project: string;
  mailbox: string;
  /** Connected, by a worker whose heartbeat is recent. */
  connected: boolean;
  lastMessageAt: string | null;
  messagesRead: number;
  backlog: number;
  lastError: string | null;
  lastErrorAt: string | null;
  heartbeatAt: string | null;
}

export interface QueueStatus {
  name: string;
  waiting: number;
  active: number;
  failed: number;
  completed: number;
}

export interface StatusReport {
  ok: boolean;
  sources: SourceStatus[];
  queues: QueueStatus[];
  rawMessages: { total: number; pending: number; failed: number };
}

/** A worker writes its heartbeat every 15 s; three missed ones mean it is gone. */
const HEARTBEAT_STALE_MS = 60_000;

export async function getStatus(
  db: Db,
  configured: Pick<ImapSource, "key" | "project" | "mailbox">[],
  now: Date,
): Promise<StatusReport> {
  const rows = await db.imapMailbox.findMany({ orderBy: { sourceKey: "asc" } });
  const byKey = new Map(rows.map((r) => [r.sourceKey, r]));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const sources: SourceStatus[] = configured.map((c) => {
    const r = byKey.get(c.key);
    const alive = r?.heartbeatAt ? now.getTime() - r.heartbeatAt.getTime() < HEARTBEAT_STALE_MS : false;
    return {
      key: c.key,
      project: c.project,
      mailbox: c.mailbox,
      connected: Boolean(r?.connected && alive),
      lastMessageAt: iso(r?.lastMessageAt ?? null),
      messagesRead: Number(r?.messagesRead ?? 0),
      backlog: r?.backlog ?? 0,
      lastError: r?.lastError ?? null,
      lastErrorAt: iso(r?.lastErrorAt ?? null),
      heartbeatAt: iso(r?.heartbeatAt ?? null),
    };
  });

  const states = await db.rawMessage.groupBy({ by: ["state"], _count: { _all: true } });
  const countOf = (s: string) => states.find((x) => x.state === s)?._count._all ?? 0;
  const rawMessages = {
    total: states.reduce((n, x) => n + x._count._all, 0),
    pending: countOf("pending"),
    failed: countOf("failed"),
  };

  const queues = await queueStatus(db);
  // Failed jobs are history (each kept its error); a source that is down is not.
  const ok = sources.every((s) => s.connected);
  return { ok, sources, queues, rawMessages };
}

async function queueStatus(db: Db): Promise<QueueStatus[]> {
  // pg-boss makes its schema when a worker first starts; before that nothing is queued.
  const [probe] = await db.$queryRaw<
    { installed: boolean }[]
  >`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`;
  const rows = probe?.installed
    ? await db.$queryRaw<{ name: string; state: string; n: number }[]>`
        SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state`
    : [];
  return Object.values(QUEUES).map(({ name }) => {
    const count = (...wanted: string[]) =>
      rows.filter((r) => r.name === name && wanted.includes(r.state)).reduce((n, r) => n + r.n, 0);
    return {
      name,
      waiting: count("created", "retry"),
      active: count("active"),
      failed: count("failed"),
      completed: count("completed"),
    };
  });
}
