import type { Prisma } from "../client";

/** One test_result row as the checks API shows it. */
export interface CheckRow {
  id: bigint;
  context: string;
  state: string;
  targetUrl: string | null;
  description: string | null;
  source: string | null;
  durationMs: number | null;
  /** The patch the check is about; null for the whole series. */
  patchMsgid: string | null;
  createdAt: Date;
}

export const checkRowSelect = {
  id: true,
  context: true,
  state: true,
  url: true,
  description: true,
  source: true,
  durationMs: true,
  createdAt: true,
  patch: { select: { message: { select: { msgid: true } } } },
} satisfies Prisma.TestResultSelect;

type SelectedRow = Prisma.TestResultGetPayload<{ select: typeof checkRowSelect }>;

export function toCheckRow(row: SelectedRow): CheckRow {
  return {
    id: row.id,
    context: row.context,
    state: row.state,
    targetUrl: row.url,
    description: row.description,
    source: row.source,
    durationMs: row.durationMs,
    patchMsgid: row.patch?.message.msgid ?? null,
    createdAt: row.createdAt,
  };
}
