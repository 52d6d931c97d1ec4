import os from "node:os";
import path from "node:path";

import { z } from "zod";

import { TesterClient } from "../../lib/client/tester-client";
import { PatchwatchError } from "../../lib/errors";
import { runTester } from "../../lib/tester/agent";

/** What a capability or project name may look like (the projects file's rule for capabilities). */
const nameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:=-]{0,62}$/, "letters, digits, '.', '_', ':', '=' or '-'");

const optionsSchema = z.object({
  server: z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }),
  token: z.string().min(1, "is empty"),
  capability: z.array(nameSchema).default([]),
  project: z.array(nameSchema).default([]),
  workDir: z.string().min(1).optional(),
  once: z.boolean().default(false),
  pollSeconds: z.coerce.number().int().min(1).max(3600).default(10),
});

export type TesterCommandOptions = z.input<typeof optionsSchema>;

/**
 * `patchwatch tester --server URL --token TOKEN --capability CAP…`: runs jobs for a server
 * until SIGINT or SIGTERM, which stop the running script (the server hands its job to
 * another tester when the lease expires) and end the agent cleanly.
 */
export async function testerCommand(raw: TesterCommandOptions): Promise<void> {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = `--${String(issue.path[0] ?? "?").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new PatchwatchError("bad-request", `${option} ${issue.message}`);
  }
  const opts = parsed.data;
  const stopper = new AbortController();
  const stop = (signal: string) => {
    if (stopper.signal.aborted) return;
    say(`${signal}: stopping`);
    stopper.abort();
  };
  const onInt = () => stop("SIGINT");
  const onTerm = () => stop("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  try {
    await runTester({
      client: new TesterClient(opts.server, opts.token),
      capabilities: opts.capability,
      projects: opts.project,
      workDir: opts.workDir ?? path.join(os.homedir(), ".cache", "patchwatch-tester"),
      once: opts.once,
      pollSeconds: opts.pollSeconds,
      stop: stopper.signal,
      say,
      path: scriptPath(),
    });
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
}

function say(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

/**
 * Scripts get the agent's PATH (the tools the tester's machine was set up with), and
 * nothing else of its environment; lib/git/env.ts takes PATH the same way.
 */
function scriptPath(): string {
  return process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin";
}
