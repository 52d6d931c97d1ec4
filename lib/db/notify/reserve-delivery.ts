import { type Db, prisma } from "../client";
import { LOCKS } from "../locks";

/** Serialises rate-limit decisions across workers: a count and its decision are one step. */

/** Mails that count against a recipient's hourly allowance: sent, being sent, or composed in a dry run. */
const COUNTED = ["sending", "sent", "dry-run"];

export type Reservation = { ok: true; status: "sending" | "dry-run" } | { ok: false; reason: string };

/**
 * Decides, under a transaction-scoped advisory lock, whether mail `id` may go: each of
 * its To addresses may have had at most `limit - 1` counted mails since `since`. Lists
 * on Cc are not counted (every reply of the robot has them). Marks the row `sending`,
 * `dry-run` or `suppressed` (rate-limited) in the same transaction.
 */
export async function reserveDelivery(
  db: Db,
  mail: { id: bigint; toAddrs: string[] },
  options: { since: Date; limit: number; dryRun: boolean },
): Promise<Reservation> {
  return prisma(db).$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCKS.robotMailRate}::int, 0)`;
    for (const address of mail.toAddrs) {
      const [row] = await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM robot_mail
         WHERE to_addrs @> ARRAY[${address}]::text[] AND id <> ${mail.id}
           AND status = ANY(${COUNTED}::text[]) AND created_at >= ${options.since}`;
      if (Number(row?.n ?? 0) >= options.limit) {
        const reason = `rate-limited: ${options.limit} mails to ${address} in the last hour`;
        await tx.robotMail.update({ where: { id: mail.id }, data: { status: "suppressed", reason } });
        return { ok: false, reason };
      }
    }
    const status = options.dryRun ? "dry-run" : "sending";
    await tx.robotMail.update({ where: { id: mail.id }, data: { status } });
    return { ok: true, status };
  });
}
