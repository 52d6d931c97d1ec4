import type { ProjectConfig } from "../../config/projects-file";
import { recordFormatCheck, repliesToSenderSince } from "../../db/format-check/received-mails";
import { checkSubmission, patchMails } from "../../format-check/check-submission";
import { describeWait } from "../../format-check/check-numbering";
import { composeReply, seriesKeyOf } from "../../format-check/compose-reply";
import type { FormatCheckOutcome } from "../../format-check/mail-state";
import { replyRefusal } from "../../format-check/reply-policy";
import type { Submission } from "../../format-check/types";
import { formatCheckApply } from "./format-check-apply";
import type { FormatCheckContext } from "./format-check-context";

const HOUR_MS = 3_600_000;

/**
 * Answers one series that is ready, unless the robot must not (a robot's mail, a sender
 * over its hourly limit): checks, `git am` on the branch head, one reply through the
 * outbox. Every mail of the series is marked with what became of it.
 */
export async function answerSubmission(
  ctx: FormatCheckContext,
  project: ProjectConfig,
  s: Submission,
  raws: ReadonlyMap<string, Buffer>,
  now: Date,
): Promise<FormatCheckOutcome> {
  const settings = project.formatCheck!;
  const ids = s.mails.map((m) => BigInt(m.ref));
  const seriesKey = seriesKeyOf(s);
  const record = (
    state: FormatCheckOutcome,
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
