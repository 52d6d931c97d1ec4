import { type Db, prisma } from "../client";
import { inflateRaw } from "./store-raw";

export interface PendingRaw {
  rawId: bigint;
  raw: Buffer;
  importedInto: string | null;
}

/** Raw messages still waiting for parsing, oldest first, a page at a time (keyset on id). */
export async function nextPendingRaws(db: Db, afterId: bigint, limit: number): Promise<PendingRaw[]> {
  const rows = await prisma(db).rawMessage.findMany({
    where: { state: "pending", id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, data: true, importedInto: true },
  });
  return rows.map((r) => ({ rawId: r.id, raw: inflateRaw(r.data), importedInto: r.importedInto }));
}

/**
 * Forgets everything derived from raw messages so it can be derived again: messages
 * (and with them routes, patches and trailers) go, raw rows return to pending. Series
 * rows stay and are rebuilt in place, keeping their ids.
 */
export async function resetDerived(db: Db): Promise<number> {
  return prisma(db).$transaction(async (tx) => {
    await tx.message.deleteMany({});
    const { count } = await tx.rawMessage.updateMany({
      data: { state: "pending", error: null, errorDetail: null, processedAt: null },
    });
    return count;
  });
}
