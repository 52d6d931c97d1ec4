import { type Db, prisma } from "../client";

/** Keeps a raw message that could not be processed, with the reason, out of the pending queue. */
export async function markRawFailed(db: Db, rawId: bigint, error: string, detail: string): Promise<void> {
  await prisma(db).rawMessage.update({
    where: { id: rawId },
    data: {
      state: "failed",
      error,
      errorDetail: detail.replaceAll("\u0000", "\uFFFD"),
      processedAt: new Date(),
    },
  });
}
