import { projectsConfig } from "../../lib/config/server-config";
import type { Db } from "../../lib/db/client";
import { subscribeToDigest, unsubscribeFromDigest } from "../../lib/flows/notify/digest-subscription";

/** `patchwatch digest subscribe EMAIL [--project P…]`: a weekly mail of their review queue. */
export async function subscribeDigestCommand(
  db: Db,
  email: string,
  opts: { project?: string[] },
): Promise<void> {
  const configured = projectsConfig().projects;
  const { subscriber: s, mailed } = await subscribeToDigest(db, configured, email, opts.project ?? []);
  process.stdout.write(
    `${s.email} gets a weekly review digest (${s.projects.length ? `projects: ${s.projects.join(", ")}` : "all projects"})\n`,
  );
  if (!mailed)
    process.stderr.write("note: none of these projects has `robot` settings, so nothing will be sent yet\n");
}

export async function unsubscribeDigestCommand(db: Db, email: string): Promise<void> {
  const removed = await unsubscribeFromDigest(db, { email });
  process.stdout.write(removed ? `${email} gets no more digests\n` : `${email} was not subscribed\n`);
}
