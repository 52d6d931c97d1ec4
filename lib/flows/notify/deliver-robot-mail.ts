// Reacts to: a robot mail composed ("apply failed", "test finished" with a failure, a
// format-check reply, the weekly digest). Emits nothing further: its robot_mail row ends
// sent, dry-run, suppressed (held back, with the reason) or error.

import crypto from "node:crypto";

import nodemailer, { type Transporter } from "nodemailer";

import type { Db } from "../../db/client";
import { replyTargetFacts } from "../../db/notify/reply-target-facts";
import { reserveDelivery } from "../../db/notify/reserve-delivery";
import { insertRobotMail, setRobotMailStatus } from "../../db/notify/robot-mail-rows";
import type { Log } from "../../log";
import { loopGuard } from "../../notify/loop-guard";
import { renderRobotMail } from "../../notify/render-message";
import { robotMessageId } from "../../notify/robot-message-id";
import type { RobotMailDraft } from "../../notify/types";

export interface DeliveryResult {
  status: "sent" | "dry-run" | "suppressed" | "duplicate" | "error";
  reason?: string;
  messageId: string;
}

export interface DeliveryOptions {
  dryRun: boolean;
  maxPerRecipientPerHour: number;
  now?: Date;
}

export interface Outbox {
  deliver(draft: RobotMailDraft, options: DeliveryOptions): Promise<DeliveryResult>;
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** An SMTP server that does not answer within this long fails the mail, not the worker. */
const SMTP_TIMEOUT_MS = 30_000;

/**
 * The robot's outbox: every draft is rendered and stored in robot_mail first (one mail
 * per dedupe key, ever), then held back when it would answer a program or itself, or when
 * its recipient had enough mail this hour; only then composed-only (dry run) or sent over
 * PATCHWATCH_SMTP_URL. Delivery failures are recorded on the row and returned, never thrown.
 */
export function createOutbox(deps: {
  db: Db;
  smtpUrl: string | undefined;
  log: Log;
  messageIdDomain?: string;
}): Outbox {
  const domain = deps.messageIdDomain ?? "localhost";
  let transport: Transporter | null = null;
  const smtp = (url: string) =>
    (transport ??= nodemailer.createTransport({
      url,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    }));

  async function deliver(draft: RobotMailDraft, options: DeliveryOptions): Promise<DeliveryResult> {
    const now = options.now ?? new Date();
    const messageId = robotMessageId(crypto.randomBytes(12).toString("hex"), domain);
    const raw = await renderRobotMail(draft, { messageId, date: now });
    const stored = await insertRobotMail(deps.db, {
      projectId: draft.projectId ?? null,
      seriesId: draft.seriesId ?? null,
      kind: draft.kind,
      dedupeKey: draft.dedupeKey,
      messageId,
      inReplyTo: draft.inReplyTo ?? null,
      toAddrs: draft.to,
      ccAddrs: draft.cc,
      subject: draft.subject,
      raw,
      createdAt: now,
    });
    if (!stored.inserted) return { status: "duplicate", messageId: stored.messageId };
    const id = stored.id;

    const answered = await replyTargetFacts(deps.db, {
      seriesId: draft.seriesId ?? null,
      inReplyTo: draft.inReplyTo ?? null,
    });
    const blocked = loopGuard(answered, {
      to: draft.to,
      inReplyTo: draft.inReplyTo ?? null,
      robotAddress: draft.from.address,
      messageIdDomain: domain,
    });
    if (blocked) {
      await setRobotMailStatus(deps.db, id, "suppressed", blocked);
      return { status: "suppressed", reason: blocked, messageId };
    }
    const reservation = await reserveDelivery(
      deps.db,
      { id, toAddrs: draft.to },
      {
        since: new Date(now.getTime() - HOUR_MS),
        limit: options.maxPerRecipientPerHour,
        dryRun: options.dryRun,
      },
    );
    if (!reservation.ok) return { status: "suppressed", reason: reservation.reason, messageId };
    if (reservation.status === "dry-run") return { status: "dry-run", messageId };

    if (!deps.smtpUrl) {
      const reason = "PATCHWATCH_SMTP_URL is not set";
      await setRobotMailStatus(deps.db, id, "error", reason);
      return { status: "error", reason, messageId };
    }
    try {
      await smtp(deps.smtpUrl).sendMail({
        envelope: { from: draft.from.address, to: [...draft.to, ...draft.cc] },
        raw,
      });
    } catch (error) {
      const reason = `SMTP: ${(error as Error).message}`.slice(0, 500);
      deps.log.warn({ messageId, dedupeKey: draft.dedupeKey, err: reason }, "robot mail not sent");
      await setRobotMailStatus(deps.db, id, "error", reason);
      return { status: "error", reason, messageId };
    }
    await setRobotMailStatus(deps.db, id, "sent", null, new Date());
    deps.log.info({ messageId, dedupeKey: draft.dedupeKey, to: draft.to }, "robot mail sent");
    return { status: "sent", messageId };
  }

  return {
    deliver,
    async close() {
      transport?.close();
      transport = null;
    },
  };
}
