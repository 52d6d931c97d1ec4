import type { CheckState } from "../../checks/check-state";
import { type Db, prisma } from "../client";
import { type CheckRow, checkRowSelect, toCheckRow } from "./check-row";
import type { CheckTarget } from "./find-check-targets";

export interface CheckReport {
  context: string;
  state: CheckState;
  targetUrl: string | null;
  description: string | null;
}

/**
 * Writes one report as a new test_result row: the history is kept, and the latest row of
 * a context is its state (lib/db/series/list-series.ts reads it that way).
 */
export async function recordCheck(
  db: Db,
  target: CheckTarget,
  report: CheckReport,
  source: string,
): Promise<CheckRow> {
  const row = await prisma(db).testResult.create({
    data: {
      seriesId: target.seriesId,
      patchId: target.patchId,
      context: report.context,
      state: report.state,
      url: report.targetUrl,
      description: report.description,
      source,
    },
    select: checkRowSelect,
  });
  return toCheckRow(row);
}
