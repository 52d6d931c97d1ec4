import { isRobotMessageId } from "./robot-message-id";

/** What is known of a message the robot would answer (the series' head, the message replied to). */
export interface AnsweredMessage {
  msgid: string;
  fromEmail: string;
  autoSubmitted: boolean;
  /** One of our own stored mails carries this Message-ID. */
  ours: boolean;
}

/**
 * Why the robot must not send this mail, or null. Never answer a program (RFC 3834 §2:
 * no automatic response to a message marked `Auto-Submitted`), never answer our own
 * address, and never a mail of ours that came back through the list (a loop).
 */
export function loopGuard(
  answered: AnsweredMessage[],
  mail: { to: string[]; inReplyTo: string | null; robotAddress: string; messageIdDomain: string },
): string | null {
  const self = mail.robotAddress.toLowerCase();
  if (mail.to.length === 0) return "no recipient: the author has no usable address";
  if (mail.to.some((a) => a.toLowerCase() === self)) return "robot sender: the author is this robot";
  if (mail.inReplyTo && isRobotMessageId(mail.inReplyTo, mail.messageIdDomain))
    return "mail loop: answers a mail of this robot";
  for (const m of answered) {
    if (m.ours || isRobotMessageId(m.msgid, mail.messageIdDomain))
      return `mail loop: ${m.msgid} is a mail of this robot`;
    if (m.fromEmail === self) return `robot sender: ${m.msgid} comes from this robot's address`;
    if (m.autoSubmitted) return `auto-submitted: ${m.msgid} was sent by a program`;
  }
  return null;
}
