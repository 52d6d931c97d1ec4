// Reacts to: the weekly digest being due (checked with each notify scan). Emits: a robot
// mail (the review queue) per subscriber, handed to deliver-robot-mail.ts.

import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import {
  dueDigestSubscribers,
  markDigestSent,
  newUnsubscribeToken,
  type DigestSubscriber,
} from "../../db/notify/digest-subscriptions";
import { maintainerQueue, type QueueRow } from "../lost/maintainer-queue";
import type { Log } from "../../log";
import { composeDigest } from "../../notify/compose-digest";
import type { Outbox } from "./deliver-robot-mail";
import { maintainerQueueUrl, seriesUrl } from "../../routes";

/** Series a digest lists; the rest is one link away. */
export const DIGEST_ITEMS = 30;

export interface DigestSummary {
  sent: number;
  skipped: number;
}

/**
 * The weekly digest step (run with each notify scan): every subscriber whose last digest
 * is a week old gets their review queue through the robot's outbox, from the robot of the
 * first of their projects that has one, and only when something waits. robot_mail's dedupe
 * key `digest:<email>:<ISO week>` makes a second mail in the same week impossible, even
 * from two workers at once.
 */
export async function sendDigests(ctx: {
  db: Db;
  projects: ProjectConfig[];
  outbox: Outbox;
  publicUrl: string;
  log: Log;
  now: Date;
}): Promise<DigestSummary> {
  const summary: DigestSummary = { sent: 0, skipped: 0 };
  for (const subscriber of await dueDigestSubscribers(ctx.db, ctx.now)) {
    const names = subscriber.projects.length > 0 ? subscriber.projects : ctx.projects.map((p) => p.name);
    const robot = ctx.projects.find((p) => names.includes(p.name) && p.robot)?.robot;
    if (!robot) {
      summary.skipped++;
      continue;
    }
    const { rows, more } = await queueOf(ctx.db, subscriber, ctx.now);
    if (rows.length === 0) {
      summary.skipped++;
      continue;
    }
    const token = newUnsubscribeToken();
    const draft = composeDigest({
      email: subscriber.email,
      from: { name: robot.fromName, address: robot.from },
      items: rows.map((r) => ({
        project: r.project,
        title: r.title,
        version: r.version,
        total: r.total,
        author: r.author.name || r.author.email,
        days: r.days,
        role: r.role,
        lostReason: r.lost?.reason ?? null,
        url: seriesUrl(ctx.publicUrl, r.project, r.headMsgid),
      })),
      more,
      queueUrl: maintainerQueueUrl(ctx.publicUrl, subscriber.email),
      unsubscribeToken: token,
      publicUrl: ctx.publicUrl,
      now: ctx.now,
    });
    const result = await ctx.outbox.deliver(draft, {
      dryRun: robot.dryRun,
      maxPerRecipientPerHour: robot.maxPerRecipientPerHour,
      now: ctx.now,
    });
    // A failed send is not retried this week: the dedupe key is taken (at most one a week).
    await markDigestSent(ctx.db, subscriber.email, ctx.now, result.status === "duplicate" ? null : token);
    if (result.status === "sent" || result.status === "dry-run") summary.sent++;
    else summary.skipped++;
    ctx.log.info({ to: subscriber.email, status: result.status, series: rows.length }, "review digest");
  }
  return summary;
}

async function queueOf(db: Db, s: DigestSubscriber, now: Date): Promise<{ rows: QueueRow[]; more: boolean }> {
  const projects = s.projects.length > 0 ? s.projects : [undefined];
  const rows: QueueRow[] = [];
  let more = false;
  for (const project of projects) {
    const page = await maintainerQueue(db, { email: s.email, now, project, limit: DIGEST_ITEMS });
    rows.push(...page.rows);
    more ||= page.next !== null;
  }
  rows.sort((a, b) => a.date.getTime() - b.date.getTime());
  return { rows: rows.slice(0, DIGEST_ITEMS), more: more || rows.length > DIGEST_ITEMS };
}
