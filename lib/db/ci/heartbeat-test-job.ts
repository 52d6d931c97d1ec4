import { leaseExpiry } from "../../ci/lease";
import { type Db, prisma } from "../client";
import { lockLeasedJob, TX_OPTIONS } from "./leased-job";
import type { AuthenticatedTester } from "./testers";

/** The tester is alive and still on the job: its lease runs `leaseSeconds` from now. */
export async function heartbeatTestJob(
  db: Db,
  input: { jobId: bigint; tester: AuthenticatedTester; now: Date; leaseSeconds: number },
): Promise<{ leaseExpiresAt: Date }> {
  const leaseExpiresAt = leaseExpiry(input.now, input.leaseSeconds);
  await prisma(db).$transaction(async (tx) => {
    await lockLeasedJob(tx, input.jobId, input.tester);
    await tx.testJob.update({ where: { id: input.jobId }, data: { leaseExpiresAt, updatedAt: input.now } });
    await tx.tester.update({ where: { id: input.tester.id }, data: { lastSeenAt: input.now } });
  }, TX_OPTIONS);
  return { leaseExpiresAt };
}
