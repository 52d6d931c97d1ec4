import MailComposer from "nodemailer/lib/mail-composer";

import { headerText } from "./reply-headers";
import type { RobotMailDraft } from "./types";

/**
 * The RFC 822 text of a draft, built by nodemailer's MailComposer (RFC 2047 words for
 * non-ASCII names and subjects, quoted-printable for long or non-ASCII lines). Every mail
 * says it is automatic (RFC 3834 `Auto-Submitted: auto-generated`), and asks Exchange's
 * auto-responders to keep quiet. List-* headers are the list's to add, never ours.
 */
export async function renderRobotMail(
  draft: RobotMailDraft,
  options: { messageId: string; date: Date; projectName?: string },
): Promise<string> {
  const headers: Record<string, string> = {
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
    "X-Patchwatch-Kind": draft.kind,
  };
  if (options.projectName) headers["X-Patchwatch-Project"] = headerText(options.projectName);
  const composer = new MailComposer({
    from: { name: headerText(draft.from.name), address: draft.from.address },
    to: draft.to,
    cc: draft.cc.length ? draft.cc : undefined,
    subject: headerText(draft.subject),
    messageId: `<${options.messageId}>`,
    date: options.date,
    inReplyTo: draft.inReplyTo ? `<${draft.inReplyTo}>` : undefined,
    references: draft.references?.length ? draft.references.map((r) => `<${r}>`) : undefined,
    text: draft.text,
    headers,
    newline: "\r\n",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const message = await composer.compile().build();
  return message.toString("utf8");
}
