import type { Submission } from "./types";

/**
 * Mail the robot never answers: a program's (Auto-Submitted, Precedence: bulk, a robot
 * mailer: lib/mail sets `autoSubmitted`), its own (a loop), or an address no person reads
 * (bounces, no-reply). RFC 3834 §2: automatic responses go to people, never to robots.
 */
const ROBOT_LOCAL_PART =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|.*-bounces)([+-].*)?$/i;

export function replyRefusal(s: Submission, ownAddresses: readonly string[]): string | null {
  if (s.mails.some((m) => m.mail.autoSubmitted))
    return "sent by a program (Auto-Submitted or a robot mailer)";
  const sender = s.sender.email.toLowerCase();
  if (ownAddresses.some((a) => a.toLowerCase() === sender)) return "sent from the robot's own address";
  if (ROBOT_LOCAL_PART.test(sender.split("@")[0] ?? "")) return "sent from an address no one reads";
  return null;
}
