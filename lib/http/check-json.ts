import type { ListedCheck } from "../db/checks/list-checks";
import type { checkSchema } from "./schemas/check";
import type { z } from "zod";

/** A test_result row in the checks API's shape (patchwork's names where they overlap). */
export function checkJson(row: ListedCheck): z.input<typeof checkSchema> {
  return {
    id: row.id.toString(),
    date: row.createdAt.toISOString(),
    context: row.context,
    state: row.state,
    target_url: row.targetUrl,
    description: row.description,
    source: row.source,
    durationMs: row.durationMs,
    patch: row.patchMsgid,
    current: row.current,
  };
}
