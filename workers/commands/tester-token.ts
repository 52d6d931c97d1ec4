import { projectsConfig } from "../../lib/config/server-config";
import type { Db } from "../../lib/db/client";
import { createTester, listTesters, revokeTester } from "../../lib/db/ci/testers";
import { PatchwatchError } from "../../lib/errors";

/** `patchwatch tester-token create NAME [--project P…]`: the token is printed once, here, and never again. */
export async function createTesterTokenCommand(
  db: Db,
  name: string,
  opts: { project?: string[] },
): Promise<void> {
  const projects = opts.project ?? [];
  const known = projectsConfig().projects.map((p) => p.name);
  for (const p of projects)
    if (!known.includes(p))
      throw new PatchwatchError("bad-request", `unknown project '${p}' (configured: ${known.join(", ")})`);
  const tester = await createTester(db, { name, projects });
  process.stderr.write(
    `tester ${tester.name} created (${projects.length ? `projects: ${projects.join(", ")}` : "all projects"}); ` +
      "its token follows, shown this once:\n",
  );
  process.stdout.write(`${tester.token}\n`);
}

export async function revokeTesterTokenCommand(db: Db, name: string): Promise<void> {
  await revokeTester(db, name);
  process.stdout.write(`tester ${name} revoked\n`);
}

export async function listTesterTokensCommand(db: Db, opts: { json?: boolean }): Promise<void> {
  const testers = await listTesters(db);
  if (opts.json) return void process.stdout.write(JSON.stringify(testers, null, 2) + "\n");
  if (testers.length === 0) return void process.stdout.write("no testers\n");
  for (const t of testers)
    process.stdout.write(
      `${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active"}\t` +
        `projects: ${t.projects.length ? t.projects.join(",") : "all"}\t` +
        `last seen: ${t.lastSeenAt?.toISOString() ?? "never"}\n`,
    );
}
