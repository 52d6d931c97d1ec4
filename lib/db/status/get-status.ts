import { APPLY_STATUSES, type ApplyStatus } from "../../apply/types";
import type { ImapSource } from "../../config/secrets";
import { type Db, prisma } from "../client";
import { QUEUES } from "../../queue/queues";

/**
 * What `patchwatch status` and GET /api/health report: each IMAP source (connected,
 * last message, backlog, last error), each job queue (waiting, active, failed), the
 * raw messages waiting for or refused by processing, and the applier of each project
 * with a git tree (its mirror, last fetch and round, and its series by apply state).
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

export interface ApplierStatus {
  project: string;
  url: string;
  branch: string;
  /** The branch head in the mirror. */
  head: string | null;
  fetchedAt: string | null;
  headMovedAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Series of the project (and of subprojects sharing its tree) by their latest apply result. */
  series: Record<ApplyStatus, number>;
}

export interface StatusReport {
  ok: boolean;
  sources: SourceStatus[];
  queues: QueueStatus[];
  rawMessages: { total: number; pending: number; failed: number };
  applier: ApplierStatus[];
}

/** A worker writes its heartbeat every 15 s; three missed ones mean it is gone. */
const HEARTBEAT_STALE_MS = 60_000;

export async function getStatus(
  db: Db,
  configured: Pick<ImapSource, "key" | "project" | "mailbox">[],
  now: Date,
): Promise<StatusReport> {
  const rows = await prisma(db).imapMailbox.findMany({ orderBy: { sourceKey: "asc" } });
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

  const states = await prisma(db).rawMessage.groupBy({ by: ["state"], _count: { _all: true } });
  const countOf = (s: string) => states.find((x) => x.state === s)?._count._all ?? 0;
  const rawMessages = {
    total: states.reduce((n, x) => n + x._count._all, 0),
    pending: countOf("pending"),
    failed: countOf("failed"),
  };

  const queues = await queueStatus(db);
  // Failed jobs are history (each kept its error); a source that is down is not.
  const ok = sources.every((s) => s.connected);
  return { ok, sources, queues, rawMessages, applier: await applierStatus(db) };
}

async function applierStatus(db: Db): Promise<ApplierStatus[]> {
  const mirrors = await prisma(db).gitMirror.findMany({
    include: { project: { select: { name: true } } },
    orderBy: { project: { name: "asc" } },
  });
  if (mirrors.length === 0) return [];
  // A subproject without a mirror of its own is applied to its parent's tree.
  const counts = await prisma(db).$queryRaw<{ project_id: number; status: string; n: number }[]>`
    SELECT gm.project_id, latest.status, count(*)::int AS n
      FROM git_mirror gm
      JOIN project p ON p.id = gm.project_id
        OR (p.parent_id = gm.project_id AND NOT EXISTS (SELECT 1 FROM git_mirror own WHERE own.project_id = p.id))
      JOIN series s ON s.project_id = p.id
      CROSS JOIN LATERAL (SELECT ar.status FROM apply_result ar WHERE ar.series_id = s.id
                           ORDER BY ar.created_at DESC, ar.id DESC LIMIT 1) latest
     GROUP BY gm.project_id, latest.status`;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return mirrors.map((m) => ({
    project: m.project.name,
    url: m.url,
    branch: m.branch,
    head: m.head,
    fetchedAt: iso(m.fetchedAt),
    headMovedAt: iso(m.headMovedAt),
    lastRunAt: iso(m.lastRunAt),
    lastError: m.lastError,
    lastErrorAt: iso(m.lastErrorAt),
    series: Object.fromEntries(
      APPLY_STATUSES.map((status) => [
        status,
        counts.find((c) => c.project_id === m.projectId && c.status === status)?.n ?? 0,
      ]),
    ) as Record<ApplyStatus, number>,
  }));
}

async function queueStatus(db: Db): Promise<QueueStatus[]> {
  // pg-boss makes its schema when a worker first starts; before that nothing is queued.
  const [probe] = await prisma(db).$queryRaw<
    { installed: boolean }[]
  >`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`;
  const rows = probe?.installed
    ? await prisma(db).$queryRaw<{ name: string; state: string; n: number }[]>`
        SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state`
    : [];
  return Object.keys(QUEUES).map((name) => {
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
