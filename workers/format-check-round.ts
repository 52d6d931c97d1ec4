import type { ProjectConfig } from "../lib/config";
import type { Db } from "../lib/db/client";
import {
  receivedFormatCheckMails,
  recordFormatCheck,
  repliesToSenderSince,
  type FormatCheckState,
} from "../lib/db/format-check/received-mails";
import { checkSubmission, patchMails } from "../lib/format-check/check-submission";
import { describeWait } from "../lib/format-check/check-numbering";
import { composeReply, seriesKeyOf } from "../lib/format-check/compose-reply";
import { groupSubmissions } from "../lib/format-check/group";
import { readMail } from "../lib/format-check/read-mail";
import { replyRefusal } from "../lib/format-check/reply-policy";
import type { ReadMail, Submission } from "../lib/format-check/types";
import type { Log } from "../lib/log";
import type { Outbox } from "../lib/outbox/deliver";
import { formatCheckApply } from "./format-check-apply";

/**
 * One pass over a project's format-check mailbox as stored: read the mails not answered
 * yet, group them into series (lib/format-check), and answer each series that is ready:
 * checks, the applier's `git am` on the branch head, one reply through the outbox. Mails
 * of series still waiting for parts stay `received` for the next pass.
 */
export interface FormatCheckContext {
  db: Db;
  projects: readonly ProjectConfig[];
  projectIds: ReadonlyMap<string, number>;
  dataDir: string;
  outbox: Outbox;
  log: Log;
  /** How long after its last part a series missing parts is answered anyway. */
  waitMs: number;
  now?: () => Date;
}

export interface RoundSummary {
  answered: number;
  waiting: number;
  ignored: number;
  rateLimited: number;
  failed: number;
}

const HOUR_MS = 3_600_000;

export async function formatCheckRound(
  ctx: FormatCheckContext,
  project: ProjectConfig,
): Promise<RoundSummary> {
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
    const state = await answer(ctx, project, s, raws, now);
    if (state === "answered") summary.answered++;
    else if (state === "rate-limited") summary.rateLimited++;
    else if (state === "ignored") summary.ignored++;
    else summary.failed++;
  }
  return summary;
}

async function answer(
  ctx: FormatCheckContext,
  project: ProjectConfig,
  s: Submission,
  raws: ReadonlyMap<string, Buffer>,
  now: Date,
): Promise<FormatCheckState> {
  const settings = project.formatCheck!;
  const ids = s.mails.map((m) => BigInt(m.ref));
  const seriesKey = seriesKeyOf(s);
  const record = (
    state: FormatCheckState,
    extra: { error?: string | null; report?: object; replyMessageId?: string },
  ) =>
    recordFormatCheck(ctx.db, ids, {
      state,
      sender: s.sender.email,
      seriesKey,
      checkedAt: now,
      ...extra,
    }).then(() => state);

  const refusal = replyRefusal(s, [settings.address, project.robot?.from ?? ""].filter(Boolean));
  if (refusal) return record("ignored", { error: refusal });
  // Before any work: a flood from one address costs a query per series, not a `git am`.
  if (
    (await repliesToSenderSince(ctx.db, s.sender.email, new Date(now.getTime() - HOUR_MS))) >=
    settings.maxPerSenderPerHour
  )
    return record("rate-limited", {
      error: `${settings.maxPerSenderPerHour} replies to ${s.sender.email} in the last hour`,
    });

  const patches = patchMails(s);
  const apply = await formatCheckApply(
    { dataDir: ctx.dataDir, projects: ctx.projects },
    project.name,
    patches.map((p) => ({ index: p.index, raw: raws.get(p.mail.ref)!, diff: p.mail.mail.patch?.diff ?? "" })),
    s.series.complete && new Set(patches.map((p) => p.index)).size === patches.length,
  );
  const report = checkSubmission(s, { rules: settings.rules, apply, waited: describeWait(ctx.waitMs) });
  const reply = composeReply(s, report, {
    project: project.displayName ?? project.name,
    lists: project.lists,
  });
  const result = await ctx.outbox.deliver(
    {
      kind: "format-check",
      dedupeKey: `format-check ${project.name} ${seriesKey}`,
      projectId: ctx.projectIds.get(project.name) ?? null,
      seriesId: null,
      from: { name: `${project.robot?.fromName ?? "Patchwatch"} format check`, address: settings.address },
      to: [s.sender.email],
      cc: [],
      subject: reply.subject,
      inReplyTo: reply.inReplyTo,
      references: reply.references,
      text: reply.text,
    },
    // The contributor asked for this answer: the robot's dry-run switch is for list replies.
    { dryRun: false, maxPerRecipientPerHour: settings.maxPerSenderPerHour, now },
  );
  ctx.log.info(
    {
      project: project.name,
      series: seriesKey,
      sender: s.sender.email,
      errors: reply.errors,
      status: result.status,
    },
    "format check answered",
  );
  const stored = {
    report: {
      errors: reply.errors,
      warnings: reply.warnings,
      findings: report.findings,
      passes: report.passes,
      notes: report.notes,
    },
    replyMessageId: result.messageId,
    error: result.reason ?? null,
  };
  if (result.status === "suppressed")
    return record(result.reason?.startsWith("rate-limited") ? "rate-limited" : "ignored", stored);
  return record(result.status === "error" ? "failed" : "answered", stored);
}
