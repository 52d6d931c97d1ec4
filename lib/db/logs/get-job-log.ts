import { type Db, prisma } from "../client";

/** A test job with its log, for the log page and the raw download. */
export interface JobLog {
  id: bigint;
  project: string;
  testName: string;
  state: string;
  commit: string;
  ref: string;
  tester: string | null;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  summary: string | null;
  /** The series tested; null for a run on the branch head. */
  series: { headMsgid: string; title: string; version: number } | null;
  /** Null while the tester has sent nothing. */
  log: { text: string; bytes: bigint; truncated: boolean; updatedAt: Date } | null;
}

/** A job id as it comes in a URL: digits, in bigint range; anything else names no job. */
export function parseJobId(text: string): bigint | null {
  if (!/^[1-9][0-9]{0,18}$/.test(text)) return null;
  const id = BigInt(text);
  return id <= 9223372036854775807n ? id : null;
}

export async function getJobLog(db: Db, id: bigint): Promise<JobLog | null> {
  const job = await prisma(db).testJob.findUnique({
    where: { id },
    select: {
      id: true,
      testName: true,
      state: true,
      commit: true,
      ref: true,
      attempts: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      summary: true,
      project: { select: { name: true } },
      tester: { select: { name: true } },
      series: { select: { headMsgid: true, title: true, version: true } },
      log: { select: { text: true, bytes: true, truncated: true, updatedAt: true } },
    },
  });
  if (!job) return null;
  return {
    id: job.id,
    project: job.project.name,
    testName: job.testName,
    state: job.state,
    commit: job.commit,
    ref: job.ref,
    tester: job.tester?.name ?? null,
    attempts: job.attempts,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationMs: job.durationMs,
    summary: job.summary,
    series: job.series,
    log: job.log,
  };
}
