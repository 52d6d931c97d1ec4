import { leaseExpiry } from "../../ci/lease";
import { LOG_CAP, LogCapper, type LogCapLimits } from "../../ci/log-cap";
import { PatchwatchError } from "../../errors";
import { type Db, prisma } from "../client";
import { lockLeasedJob, TX_OPTIONS } from "./leased-job";
import type { AuthenticatedTester } from "./testers";

/**
 * Appends a part of a job's log, read from `body` as it arrives: the part is capped while
 * it streams (lib/ci/log-cap.ts), so a 200 MB upload holds 2 MiB in memory and no
 * database connection or lock while it is read. Then, in one short transaction, the job
 * is checked again (a lease lost during the upload is a 409 and the part is dropped) and
 * the part is appended to the stored log. Any activity proves the tester alive, so the
 * lease is extended too.
 */
export async function appendTestLog(
  db: Db,
  input: {
    jobId: bigint;
    tester: AuthenticatedTester;
    body: ReadableStream<Uint8Array> | null;
    now: () => Date;
    leaseSeconds: number;
    limits?: LogCapLimits;
  },
): Promise<{ bytes: number; truncated: boolean }> {
  const limits = input.limits ?? LOG_CAP;
  // Refuse a stranger before reading a byte of what it sends.
  await prisma(db).$transaction((tx) => lockLeasedJob(tx, input.jobId, input.tester), TX_OPTIONS);
  const part = new LogCapper(limits);
  if (input.body) {
    const reader = input.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        // The tester went away mid-upload: nothing of the part is kept; it may send it again.
        throw new PatchwatchError("bad-request", "the log upload was interrupted", { cause: error });
      });
      if (done) break;
      part.push(value);
    }
  }
  part.end();
  const now = input.now();
  return prisma(db).$transaction(async (tx) => {
    await lockLeasedJob(tx, input.jobId, input.tester);
    await tx.$executeRaw`INSERT INTO test_log (job_id) VALUES (${input.jobId}) ON CONFLICT (job_id) DO NOTHING`;
    const [stored] = await tx.$queryRaw<{ text: string; bytes: bigint; truncated: boolean }[]>`
      SELECT text, bytes, truncated FROM test_log WHERE job_id = ${input.jobId} FOR UPDATE`;
    const log = LogCapper.resume(stored!.text, stored!.truncated, limits);
    log.append(part);
    log.end();
    const { text, truncated } = log.render();
    const bytes = stored!.bytes + BigInt(part.receivedBytes);
    await tx.testLog.update({
      where: { jobId: input.jobId },
      data: { text, bytes, truncated, updatedAt: now },
    });
    await tx.testJob.update({
      where: { id: input.jobId },
      data: { leaseExpiresAt: leaseExpiry(now, input.leaseSeconds), updatedAt: now },
    });
    return { bytes: Number(bytes), truncated };
  }, TX_OPTIONS);
}
