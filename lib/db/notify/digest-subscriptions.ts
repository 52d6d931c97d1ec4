import crypto from "node:crypto";

import { type Db, prisma } from "../client";

export interface DigestSubscriber {
  email: string;
  projects: string[];
  lastSentAt: Date | null;
}

const WEEK_MS = 7 * 86_400_000;

export const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Opt in (or change the projects of an existing subscription; empty = every project); `email` lower-cased. */
export async function subscribeDigest(db: Db, email: string, projects: string[]): Promise<DigestSubscriber> {
  const row = await prisma(db).digestSubscription.upsert({
    where: { email },
    create: { email, projects },
    update: { projects },
  });
  return { email: row.email, projects: row.projects, lastSentAt: row.lastSentAt };
}

/** Opt out by address (lower-cased) or by the token of the latest digest; false when nothing matched. */
export async function unsubscribeDigest(db: Db, by: { email: string } | { token: string }): Promise<boolean> {
  const where = "email" in by ? { email: by.email } : { tokenHash: tokenHash(by.token) };
  const { count } = await prisma(db).digestSubscription.deleteMany({ where });
  return count > 0;
}

/** Subscribers whose last digest is a week old or more (or who never had one). */
export async function dueDigestSubscribers(db: Db, now: Date): Promise<DigestSubscriber[]> {
  const rows = await prisma(db).digestSubscription.findMany({
    where: { OR: [{ lastSentAt: null }, { lastSentAt: { lte: new Date(now.getTime() - WEEK_MS) } }] },
    orderBy: { email: "asc" },
  });
  return rows.map((r) => ({ email: r.email, projects: r.projects, lastSentAt: r.lastSentAt }));
}

/** A fresh unsubscribe token for the next digest (only its hash is kept, by markDigestSent). */
export const newUnsubscribeToken = () => crypto.randomBytes(18).toString("base64url");

/**
 * Marks a digest sent at `now`; the token the mail carried replaces the previous one (none
 * when this week's digest already existed: its token stays).
 */
export async function markDigestSent(db: Db, email: string, now: Date, token: string | null): Promise<void> {
  await prisma(db).digestSubscription.update({
    where: { email },
    data: token === null ? { lastSentAt: now } : { lastSentAt: now, tokenHash: tokenHash(token) },
  });
}
