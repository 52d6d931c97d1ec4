import { digestUnsubscribeUrl } from "../routes";
import type { MailAddress, RobotMailDraft } from "./types";

/** One series of a review queue as the digest lists it. */
export interface DigestItem {
  project: string;
  title: string;
  version: number;
  total: number;
  author: string;
  days: number;
  role: string;
  lostReason: string | null;
  url: string;
}

/** ISO 8601 week of `date` (UTC), as `2026-W07`: the digest's once-a-week key. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export const digestDedupeKey = (email: string, now: Date) => `digest:${email.toLowerCase()}:${isoWeek(now)}`;

/** The weekly mail of a review queue: what waits, oldest first, and how to stop it. */
export function composeDigest(input: {
  email: string;
  from: MailAddress;
  items: DigestItem[];
  /** Items beyond those listed. */
  more: boolean;
  queueUrl: string;
  unsubscribeToken: string;
  publicUrl: string;
  now: Date;
}): RobotMailDraft {
  const n = input.items.length;
  const lines = [
    "Hello,",
    "",
    `${n}${input.more ? "+" : ""} series touching files MAINTAINERS gives to you wait for your review, oldest first:`,
    "",
  ];
  for (const item of input.items) {
    const lost = item.lostReason ? `, lost (${item.lostReason})` : "";
    lines.push(
      `- [${item.project}] ${item.title.replace(/[\r\n]+/g, " ")} (v${item.version}, ${item.total} patches) by ${item.author.replace(/[\r\n]+/g, " ")}`,
      `  waiting ${item.days} days, as ${item.role}${lost}`,
      `  ${item.url}`,
    );
  }
  lines.push(
    "",
    `Your whole queue: ${input.queueUrl}`,
    "",
    "You get this mail once a week because you asked for it. To stop it:",
    `  curl -d token=${input.unsubscribeToken} ${digestUnsubscribeUrl(input.publicUrl)}`,
  );
  return {
    kind: "digest",
    dedupeKey: digestDedupeKey(input.email, input.now),
    from: input.from,
    to: [input.email],
    cc: [],
    subject: `Review queue: ${n}${input.more ? "+" : ""} series wait for you (${isoWeek(input.now)})`,
    text: lines.join("\n"),
  };
}
