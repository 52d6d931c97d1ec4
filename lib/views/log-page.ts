import type { Db } from "../db/client";
import { getJobLog, type JobLog, parseJobId } from "../db/logs/get-job-log";
import { formatDuration } from "../ui/check-view";
import { rawLogHref } from "../routes";
import { type LogBlock, logBlocks } from "../ui/log-html";

export interface LogPageView {
  job: JobLog;
  /** The log as escaped HTML blocks (lib/ui/log-html.ts); empty when there is no output. */
  blocks: LogBlock[];
  /** How long the job ran, in words, or null when that is unknown. */
  duration: string | null;
  /** Where the log is downloaded as it was received. */
  rawHref: string;
}

/** A tester's log page, or null when the URL names no job. */
export async function loadLogPage(db: Db, jobId: string): Promise<LogPageView | null> {
  const id = parseJobId(jobId);
  const job = id === null ? null : await getJobLog(db, id);
  if (!job) return null;
  return {
    job,
    blocks: job.log ? logBlocks(job.log.text) : [],
    duration: formatDuration(job.durationMs),
    rawHref: rawLogHref(job.id),
  };
}
