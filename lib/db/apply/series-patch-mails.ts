import { inflateRaw } from "../ingest/store-raw";
import { type Db, prisma } from "../client";

export interface PatchMail {
  index: number;
  msgid: string;
  /** The mail as received. */
  raw: Buffer;
  /** The diff as the mail parser decoded it (base64 and quoted-printable undone). */
  diff: string | null;
}

/**
 * The patch mails of a series in order, read a few at a time so that a series of
 * hundreds of large patches never sits in memory at once.
 */
export async function* seriesPatchMails(
  db: Db,
  seriesId: bigint,
  batchSize = 16,
): AsyncGenerator<PatchMail, void, undefined> {
  let after = -1;
  for (;;) {
    const rows = await prisma(db).patch.findMany({
      where: { seriesId, index: { gt: after } },
      orderBy: { index: "asc" },
      take: batchSize,
      select: {
        index: true,
        message: { select: { msgid: true, diff: true, raw: { select: { data: true } } } },
      },
    });
    for (const row of rows) {
      yield {
        index: row.index,
        msgid: row.message.msgid,
        raw: inflateRaw(row.message.raw.data),
        diff: row.message.diff,
      };
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.index;
  }
}
