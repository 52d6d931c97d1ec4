// Reacts to mail stored in a project's format-check mailbox (and to the robot's timer, for
// series whose wait for missing parts is over); emits the robot's reply per series, through
// the outbox (lib/flows/notify/deliver-robot-mail.ts). Never touches the project's series.
import type { ProjectConfig } from "../../config/projects-file";
import { withAdvisoryLock } from "../../db/client";
import { receivedFormatCheckMails, recordFormatCheck } from "../../db/format-check/received-mails";
import { groupSubmissions } from "../../format-check/group";
import { readMail } from "../../format-check/read-mail";
import type { ReadMail } from "../../format-check/types";
import { answerSubmission } from "./answer-submission";
import type { FormatCheckContext, RoundSummary } from "./format-check-context";
import { lockKey } from "../../db/locks";

/**
 * One pass over a project's format-check mailbox as stored: read the mails not answered
 * yet, group them into series (lib/format-check), and answer each series that is ready:
 * checks, the applier's `git am` on the branch head, one reply through the outbox. Mails
 * of series still waiting for parts stay `received` for the next pass. One round per
 * project at a time across processes (an advisory lock).
 */
export async function formatCheckRound(
  ctx: FormatCheckContext,
  project: ProjectConfig,
): Promise<RoundSummary> {
  return withAdvisoryLock(ctx.db, lockKey("formatCheck", ctx.projectIds.get(project.name) ?? 0), () =>
    checkMailbox(ctx, project),
  );
}

async function checkMailbox(ctx: FormatCheckContext, project: ProjectConfig): Promise<RoundSummary> {
  const now = ctx.now?.() ?? new Date();
  const summary: RoundSummary = { answered: 0, waiting: 0, ignored: 0, rateLimited: 0, failed: 0 };
  const rows = await receivedFormatCheckMails(ctx.db, project.name);
  if (rows.length === 0) return summary;
  const raws = new Map(rows.map((r) => [String(r.id), r.raw]));
  const reads: ReadMail[] = [];
  for (const row of rows) {
    const result = await readMail(row.raw, String(row.id), row.receivedAt);
    if (result.ok) reads.push(result.read);
    else {
      await recordFormatCheck(ctx.db, [row.id], {
        state: "failed",
        sender: null,
        seriesKey: null,
        error: result.error,
        checkedAt: now,
      });
      summary.failed++;
    }
  }

  const grouped = groupSubmissions(reads, { now, waitMs: ctx.waitMs });
  summary.waiting = grouped.waiting.length;
  for (const m of grouped.notPatches) {
    await recordFormatCheck(ctx.db, [BigInt(m.ref)], {
      state: "ignored",
      sender: m.mail.from?.email ?? null,
      seriesKey: null,
      error: "no patch in this mail",
      checkedAt: now,
    });
    summary.ignored++;
  }
  for (const s of grouped.ready) {
    const state = await answerSubmission(ctx, project, s, raws, now);
    if (state === "answered") summary.answered++;
    else if (state === "rate-limited") summary.rateLimited++;
    else if (state === "ignored") summary.ignored++;
    else summary.failed++;
  }
  return summary;
}
