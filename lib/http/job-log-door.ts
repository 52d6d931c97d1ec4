import { z } from "zod";

import { getJobLog, parseJobId } from "../db/logs/get-job-log";
import { PatchwatchError } from "../errors";
import { textDoor } from "./text-door";

const jobIdParam = z.string().transform((s, ctx) => {
  const id = parseJobId(s);
  if (id === null) ctx.addIssue({ code: "custom", message: "must be a job number" });
  return id ?? 0n;
});

/**
 * GET /logs/<job>/raw: the log as the tester sent it (capped), plain text. A log is
 * whatever the series under test printed: nosniff and a sandboxing CSP keep any browser
 * from reading it as a page.
 */
export const jobLogRaw = textDoor(
  { params: z.object({ jobId: jobIdParam }), query: z.object({}) },
  async ({ db, params }) => {
    const job = await getJobLog(db, params.jobId);
    if (!job) throw new PatchwatchError("not-found", `no test job ${params.jobId}`);
    if (!job.log) throw new PatchwatchError("not-found", `test job ${params.jobId} has sent no log yet`);
    return new Response(job.log.text, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "content-disposition": `inline; filename="${`${job.project}-${job.testName}-${job.id}`.replace(/[^A-Za-z0-9._=-]/g, "_")}.log"`,
        "cache-control": "no-store",
      },
    });
  },
);
