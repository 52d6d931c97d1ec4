// Reacts to: a person opting in to the weekly digest (the command line) or out of it (the
// command line, the unsubscribe link a digest carries). Emits nothing; send-digests.ts
// reads the subscriptions.

import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import {
  subscribeDigest,
  unsubscribeDigest,
  type DigestSubscriber,
} from "../../db/notify/digest-subscriptions";
import { PatchwatchError } from "../../errors";

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

function checkedEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!ADDRESS.test(e)) throw new PatchwatchError("bad-request", `not an email address: ${email}`);
  return e;
}

/**
 * Opts `email` in to a weekly mail of their review queue for `projects` (every project when
 * empty), or changes the projects of their subscription. Returns the subscription and
 * whether any of its projects has `robot` settings, without which nothing is sent.
 */
export async function subscribeToDigest(
  db: Db,
  configured: readonly ProjectConfig[],
  email: string,
  projects: string[],
): Promise<{ subscriber: DigestSubscriber; mailed: boolean }> {
  for (const p of projects)
    if (!configured.some((c) => c.name === p))
      throw new PatchwatchError(
        "bad-request",
        `unknown project '${p}' (configured: ${configured.map((c) => c.name).join(", ")})`,
      );
  const subscriber = await subscribeDigest(db, checkedEmail(email), projects);
  const mailed = configured.some((c) => c.robot && (projects.length === 0 || projects.includes(c.name)));
  return { subscriber, mailed };
}

/** Opts out by address or by the token of the latest digest; false when nothing matched. */
export async function unsubscribeFromDigest(
  db: Db,
  by: { email: string } | { token: string },
): Promise<boolean> {
  return unsubscribeDigest(db, "email" in by ? { email: checkedEmail(by.email) } : by);
}
