import { loadConfig, loadProjects } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import { subscribeDigest, unsubscribeDigest } from "../../lib/db/lost/digest-subscriptions";
import { PatchwatchError } from "../../lib/errors";

/** `patchwatch digest subscribe EMAIL [--project P…]`: a weekly mail of their review queue. */
export async function subscribeDigestCommand(
  db: Db,
  email: string,
  opts: { project?: string[] },
): Promise<void> {
  const projects = opts.project ?? [];
  const configured = loadProjects(loadConfig().projectsFile).projects;
  for (const p of projects)
    if (!configured.some((c) => c.name === p))
      throw new PatchwatchError(
        "bad-request",
        `unknown project '${p}' (configured: ${configured.map((c) => c.name).join(", ")})`,
      );
  const s = await subscribeDigest(db, email, projects);
  const robots = configured.filter((c) => c.robot && (projects.length === 0 || projects.includes(c.name)));
  process.stdout.write(
    `${s.email} gets a weekly review digest (${s.projects.length ? `projects: ${s.projects.join(", ")}` : "all projects"})\n`,
  );
  if (robots.length === 0)
    process.stderr.write("note: none of these projects has `robot` settings, so nothing will be sent yet\n");
}

export async function unsubscribeDigestCommand(db: Db, email: string): Promise<void> {
  const removed = await unsubscribeDigest(db, { email });
  process.stdout.write(removed ? `${email} gets no more digests\n` : `${email} was not subscribed\n`);
}
