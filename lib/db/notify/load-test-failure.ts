import { seriesFetchUrl } from "../../apply/fetch-url";
import type { TestFailure } from "../../notify/types";
import type { Db } from "../client";
import type { TestFailureRow } from "./find-test-failures";

/** Characters of the stored log read for the excerpt: its kept head and tail are capped anyway. */
const MAX_LOG_CHARS = 2_000_000;

/**
 * The details of a failed test for its mail: the job's log, the tag it tested and where to
 * fetch it (the apply result the job was made from, else the series' latest applied one).
 */
export async function loadTestFailure(
  db: Db,
  row: TestFailureRow,
  options: { script: string; publicUrl: string },
): Promise<TestFailure> {
  const job = row.jobId
    ? await db.testJob.findUnique({
        where: { id: row.jobId },
        select: {
          ref: true,
          commit: true,
          summary: true,
          applyResultId: true,
          log: { select: { text: true, truncated: true } },
        },
      })
    : null;
  const apply = await db.applyResult.findFirst({
    where: job?.applyResultId
      ? { id: job.applyResultId }
      : { seriesId: row.seriesId, status: "applied", tag: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { tag: true, fetchUrl: true, publishProject: true, headCommit: true },
  });
  const text = job?.log?.text ?? "";
  return {
    test: row.test,
    jobId: row.jobId,
    log: text.length > MAX_LOG_CHARS ? text.slice(text.length - MAX_LOG_CHARS) : text,
    logTruncated: job?.log?.truncated ?? false,
    script: options.script,
    fetchUrl: apply ? seriesFetchUrl(apply, options.publicUrl) : null,
    tag: apply?.tag ?? job?.ref ?? null,
    commit: job?.commit ?? apply?.headCommit ?? null,
    summary: job?.summary ?? row.description,
    durationMs: row.durationMs,
    baseState: row.baseState,
  };
}
