import fs from "node:fs";

import { Command, Option } from "commander";

import { debugRequested } from "../lib/config/environment";
import { projectsConfig, serverConfig } from "../lib/config/server-config";
import { openDatabase, type OpenDatabase } from "../lib/db/open-database";
import { userMessage } from "../lib/errors";
import { applyCommand } from "./commands/apply";
import { subscribeDigestCommand, unsubscribeDigestCommand } from "./commands/digest";
import { importCommand } from "./commands/import";
import { listCommand } from "./commands/list";
import { maintainersCommand } from "./commands/maintainers";
import { listMessagesJson } from "../lib/db/messages/list-messages-json";
import { explainMessage } from "../lib/db/messages/explain-message";
import { listSeriesJson } from "../lib/db/series/list-series-json";
import { reprocessCommand } from "./commands/reprocess";
import { statusCommand } from "./commands/status";
import { testerCommand } from "./commands/tester";
import {
  createTesterTokenCommand,
  listTesterTokensCommand,
  revokeTesterTokenCommand,
} from "./commands/tester-token";
import { workerCommand } from "./commands/worker";

/** `patchwatch …`: a thin door. Each command opens the database, calls lib/, prints. */
async function withDatabase<T>(fn: (open: OpenDatabase) => Promise<T>): Promise<T> {
  const open = await openDatabase(serverConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    return await fn(open);
  } finally {
    await open.close();
  }
}

function requireProject(name: string): void {
  const projects = projectsConfig().projects;
  if (!projects.some((p) => p.name === name)) {
    throw new Error(`unknown project '${name}' (configured: ${projects.map((p) => p.name).join(", ")})`);
  }
}

const program = new Command("patchwatch")
  .description("Mailing-list patch tracker: series, versions, review tags")
  .showHelpAfterError();

program
  .command("import")
  .description("import mbox/mboxrd (also .gz), maildir or public-inbox archives")
  .argument("<paths...>", "files or directories")
  .option("--project <name>", "import into this project (its prefix rules still apply)")
  .addOption(
    new Option("--threads <n>", "parser threads (0: parse inline)").argParser((v) => Number.parseInt(v, 10)),
  )
  .option("--no-progress", "no progress bar")
  .action(async (paths: string[], opts: { project?: string; threads?: number; progress: boolean }) => {
    for (const p of paths) if (!fs.existsSync(p)) throw new Error(`no such file or directory: ${p}`);
    if (opts.project) requireProject(opts.project);
    await withDatabase((open) => importCommand(open.db, paths, opts));
  });

program
  .command("reprocess")
  .description("re-derive messages and series from the stored raw messages")
  .option("--pending", "only finish raw messages that were never processed")
  .addOption(new Option("--threads <n>", "parser threads").argParser((v) => Number.parseInt(v, 10)))
  .action(async (opts: { pending?: boolean; threads?: number }) => {
    await withDatabase((open) => reprocessCommand(open.db, opts));
  });

program
  .command("series")
  .description("list the series of a project")
  .requiredOption("--project <name>", "project name")
  .option("--json", "machine-readable output")
  .action(async (opts: { project: string; json?: boolean }) => {
    requireProject(opts.project);
    const series = await withDatabase((open) => listSeriesJson(open.db, opts.project));
    if (opts.json) return void process.stdout.write(JSON.stringify(series, null, 2) + "\n");
    for (const s of series) {
      const state = [
        s.complete ? "complete" : `${s.received}/${s.total}`,
        s.reviewed ? "reviewed" : "",
        s.obsoletedBy ? "obsolete" : "",
      ]
        .filter(Boolean)
        .join(", ");
      process.stdout.write(
        `v${s.version} ${s.subject} — ${s.author.name || s.author.email} [${state}] <${s.id}>\n`,
      );
    }
  });

program
  .command("messages")
  .description("list the stored messages of a project")
  .requiredOption("--project <name>", "project name")
  .option("--json", "machine-readable output")
  .action(async (opts: { project: string; json?: boolean }) => {
    requireProject(opts.project);
    const messages = await withDatabase((open) => listMessagesJson(open.db, opts.project));
    if (opts.json) return void process.stdout.write(JSON.stringify(messages, null, 2) + "\n");
    for (const m of messages)
      process.stdout.write(
        `${m.kind.padEnd(6)} ${m.error ? `ERROR ${m.error} ` : ""}${m.subject} <${m.msgid}>\n`,
      );
  });

program
  .command("why")
  .description("explain what Patchwatch made of a message and why")
  .argument("<message-id>", "with or without <>")
  .action(async (raw: string) => {
    const msgid = raw.trim().replace(/^<|>$/g, "");
    const lines = await withDatabase((open) => explainMessage(open.db, msgid));
    if (!lines) throw new Error(`no message <${msgid}> is stored`);
    for (const l of lines) process.stdout.write(`${l}\n`);
  });

program
  .command("worker")
  .description("run workers until SIGTERM: ingest-imap, process (all when none is named)")
  .argument("[names...]", "workers to run")
  .action(async (names: string[]) => {
    await withDatabase((open) => workerCommand(open, names));
  });

program
  .command("status")
  .description("IMAP sources, job queues and processing backlog")
  .option("--json", "machine-readable output")
  .action(async (opts: { json?: boolean }) => {
    await withDatabase((open) => statusCommand(open.db, opts));
  });

program
  .command("migrate")
  .description("create or update the database schema")
  .action(async () => {
    await withDatabase(async (open) => process.stdout.write(`database ready (${open.mode})\n`));
  });

program
  .command("list")
  .description("list the series a search finds on a Patchwatch server")
  .argument("[query...]", "a search, as in the web UI (empty: the newest series)")
  .option("--server <url>", "the Patchwatch server (default: $PATCHWATCH_SERVER, else http://localhost:3000)")
  .option("--project <name>", "only this project")
  .addOption(
    new Option("--limit <n>", "series to show, 1 to 200")
      .default(30)
      .argParser((v) => Math.min(200, Math.max(1, Number.parseInt(v, 10) || 30))),
  )
  .option("--json", "machine-readable output")
  .action(
    async (words: string[], opts: { server?: string; project?: string; limit: number; json?: boolean }) => {
      await listCommand(words.join(" "), opts);
    },
  );

program
  .command("apply")
  .description("apply a series from a Patchwatch server to the git checkout you are in (git am -3)")
  .argument("<target...>", "a Message-ID, a series URL, or a search that finds one series")
  .option(
    "--server <url>",
    "the Patchwatch server (default: the URL's, $PATCHWATCH_SERVER, else http://localhost:3000)",
  )
  .option("--fetch", "fetch the tag the server applied the series as, and check it out on a new branch")
  .option("--branch <name>", "with --fetch: the new branch (default: the tag's name)")
  .action(async (words: string[], opts: { server?: string; fetch?: boolean; branch?: string }) => {
    await applyCommand(words.join(" "), opts);
  });

program
  .command("tester")
  .description("run the tests a Patchwatch server hands out, until SIGINT or SIGTERM")
  .requiredOption("--server <url>", "the Patchwatch server")
  // From the environment too, so the token need not show in `ps`.
  .addOption(
    new Option("--token <token>", "this tester's token, as the server's administrator created it")
      .env("PATCHWATCH_TESTER_TOKEN")
      .makeOptionMandatory(),
  )
  .option("--capability <cap...>", "what this machine offers (arch=aarch64, kvm); repeatable")
  .option("--project <name...>", "only jobs of these projects; repeatable")
  .option("--work-dir <dir>", "fetch cache and worktrees (default: ~/.cache/patchwatch-tester)")
  .option("--once", "run at most one job, then exit")
  .option("--poll-seconds <n>", "when no job waits, ask again after this long (default: 10)")
  .action(
    async (opts: {
      server: string;
      token: string;
      capability?: string[];
      project?: string[];
      workDir?: string;
      once?: boolean;
      pollSeconds?: string;
    }) => {
      await testerCommand(opts);
    },
  );

const testerToken = program
  .command("tester-token")
  .description("tokens of the testers that may claim test jobs (admin)");
testerToken
  .command("create")
  .description("make a tester and print its token (once: only its hash is kept)")
  .argument("<name>", "the tester's name, shown with its results")
  .option("--project <name...>", "only these projects (default: all); repeatable")
  .action(async (name: string, opts: { project?: string[] }) => {
    await withDatabase((open) => createTesterTokenCommand(open.db, name, opts));
  });
testerToken
  .command("revoke")
  .description("revoke a tester's token at once")
  .argument("<name>", "the tester's name")
  .action(async (name: string) => {
    await withDatabase((open) => revokeTesterTokenCommand(open.db, name));
  });
testerToken
  .command("list")
  .description("every tester: active or revoked, its projects, when it was last seen")
  .option("--json", "machine-readable output")
  .action(async (opts: { json?: boolean }) => {
    await withDatabase((open) => listTesterTokensCommand(open.db, opts));
  });

const digest = program
  .command("digest")
  .description("the weekly mail of a maintainer's review queue (opt-in)");
digest
  .command("subscribe")
  .description("send EMAIL their review queue once a week (through the robot's mail settings)")
  .argument("<email>", "the maintainer's address, as MAINTAINERS names it")
  .option("--project <name...>", "only these projects (default: all); repeatable")
  .action(async (email: string, opts: { project?: string[] }) => {
    await withDatabase((open) => subscribeDigestCommand(open.db, email, opts));
  });
digest
  .command("unsubscribe")
  .description("stop the weekly digest to EMAIL")
  .argument("<email>", "the subscribed address")
  .action(async (email: string) => {
    await withDatabase((open) => unsubscribeDigestCommand(open.db, email));
  });

program
  .command("maintainers")
  .description("who maintains these paths (or the files a patch touches), as get_maintainer.pl answers")
  .argument("[paths...]", "paths relative to the top of the tree")
  .requiredOption(
    "--file <MAINTAINERS>",
    "the MAINTAINERS file (its directory is taken as the top of the tree)",
  )
  .option("--patch <file>", "a patch or mail: the files it touches, and K: keywords on its text")
  .addOption(new Option("--dialect <name>", "whose get_maintainer.pl to follow").choices(["qemu", "xen"]))
  .option("--json", "machine-readable output")
  .action(
    (paths: string[], opts: { file: string; patch?: string; json?: boolean; dialect?: "qemu" | "xen" }) => {
      maintainersCommand(paths, opts);
    },
  );

/** Waits until everything written so far has been handed to the OS (pipes are asynchronous). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

// The exit status is set explicitly: a dependency's exit hook would otherwise turn a
// failure into 0.
program
  .parseAsync(process.argv)
  .then(
    () => 0,
    (error: unknown) => {
      process.stderr.write(`patchwatch: ${userMessage(error).replace(/^unexpected error: /, "")}\n`);
      if (debugRequested()) console.error(error);
      return 1;
    },
  )
  .then(async (code) => {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  });
