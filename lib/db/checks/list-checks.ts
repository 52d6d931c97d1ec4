import { type Db, prisma } from "../client";
import { type CheckRow, checkRowSelect, toCheckRow } from "./check-row";

/** Reports read at most, newest first: a series with more shows its latest ones. */
export const MAX_CHECKS_LISTED = 500;

export interface ListedCheck extends CheckRow {
  /** The latest report of its context (for its patch): the state that counts. */
  current: boolean;
}

/**
 * The checks of a series (every report, its patches' included) or of some of its
 * patches: the current report of each context first, by context, then the reports they
 * replaced, newest first.
 */
export async function listChecks(
  db: Db,
  where: { seriesId: bigint } | { patchIds: bigint[] },
): Promise<ListedCheck[]> {
  const rows = await prisma(db).testResult.findMany({
    where: "seriesId" in where ? { seriesId: where.seriesId } : { patchId: { in: where.patchIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_CHECKS_LISTED,
    select: checkRowSelect,
  });
  const seen = new Set<string>();
  const current: ListedCheck[] = [];
  const older: ListedCheck[] = [];
  for (const row of rows.map(toCheckRow)) {
    const key = `${row.patchMsgid ?? ""}\n${row.context}`;
    if (seen.has(key)) older.push({ ...row, current: false });
    else {
      seen.add(key);
      current.push({ ...row, current: true });
    }
  }
  current.sort(
    (a, b) => a.context.localeCompare(b.context) || (a.patchMsgid ?? "").localeCompare(b.patchMsgid ?? ""),
  );
  return [...current, ...older];
}
