import type { ApplyRecord } from "../../apply/types";
import { type Db, prisma } from "../client";

/** Results kept per series: the latest is its state, a few before it its history. */
const KEPT_PER_SERIES = 10;

/** Writes a new latest result for a series and drops the oldest beyond KEPT_PER_SERIES. */
export async function recordApplyResult(db: Db, seriesId: bigint, record: ApplyRecord): Promise<bigint> {
  return prisma(db).$transaction(async (tx) => {
    const row = await tx.applyResult.create({ data: { seriesId, ...record }, select: { id: true } });
    await tx.$executeRaw`
      DELETE FROM apply_result WHERE series_id = ${seriesId} AND id NOT IN (
        SELECT id FROM apply_result WHERE series_id = ${seriesId}
         ORDER BY created_at DESC, id DESC LIMIT ${KEPT_PER_SERIES})`;
    return row.id;
  });
}

/** The latest result stands, tried again on another branch head with the same outcome. */
export async function markApplyChecked(db: Db, resultId: bigint, head: string): Promise<void> {
  await prisma(db).applyResult.update({ where: { id: resultId }, data: { checkedHead: head } });
}
