import type { ProjectConfig } from "../lib/config/projects-file";
import { resolveImapSources } from "../lib/config/secrets";
import type { Db } from "../lib/db/client";
import { formatCheckMailboxStore } from "../lib/db/format-check/mailbox-store";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { MailboxReader, type MailboxReaderOptions } from "../lib/imap/mailbox-reader";
import type { Log } from "../lib/log";
import { createOutbox, type Outbox } from "../lib/flows/notify/deliver-robot-mail";
import { formatCheckRound } from "../lib/flows/format-check/format-check-round";
import type { RunningWorker } from "./worker-types";

/**
 * The format-check robot: for each project with a `formatCheck` mailbox, lib/imap's
 * reader stores its mail (format_check_mail, never the project's messages), and a loop
 * answers the series that are ready, woken by each stored batch and every `intervalMs`
 * (series waiting for a missing part are answered once the wait is over); each round is
 * lib/flows/format-check/format-check-round.ts.
 */
export interface FormatCheckTuning {
  /** How long after its last part a series with parts missing is answered anyway (2 minutes). */
  waitMs?: number;
  /** Time between rounds when no mail arrives (5 s). */
  intervalMs?: number;
  imap?: Pick<MailboxReaderOptions, "backoffMs" | "client" | "batchSize">;
  outbox?: Outbox;
  now?: () => Date;
}

export async function startFormatCheck(
  deps: { db: Db; projects: ProjectConfig[]; log: Log; dataDir: string; smtpUrl: string | undefined },
  tuning: FormatCheckTuning = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "format-check" });
  const projects = deps.projects.filter((p) => p.formatCheck);
  const projectIds = await syncProjects(deps.db, deps.projects);
  const outbox = tuning.outbox ?? createOutbox({ db: deps.db, smtpUrl: deps.smtpUrl, log });
  const ctx = {
    db: deps.db,
    projects: deps.projects,
    projectIds,
    dataDir: deps.dataDir,
    outbox,
    log,
    waitMs: tuning.waitMs ?? 120_000,
    now: tuning.now,
  };
  const controller = new AbortController();
  const wakers = new Map<string, () => void>();

  const readers = projects.flatMap((project) =>
    // The configuration's own resolver reads the secrets; the key says it is this mailbox.
    resolveImapSources([{ ...project, imap: project.formatCheck!.imap }]).map((source) => {
      const own = { ...source, key: `format-check:${source.key}` };
      return new MailboxReader({
        ...tuning.imap,
        source: own,
        store: formatCheckMailboxStore(deps.db, own),
        onStored: () => wakers.get(project.name)?.(),
        log,
      }).run(controller.signal);
    }),
  );

  const loops = projects.map(async (project) => {
    while (!controller.signal.aborted) {
      const woken = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          controller.signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, tuning.intervalMs ?? 5_000);
        wakers.set(project.name, done);
        controller.signal.addEventListener("abort", done);
      });
      try {
        const s = await formatCheckRound(ctx, project);
        if (s.answered + s.ignored + s.rateLimited + s.failed > 0)
          log.info({ project: project.name, ...s }, "format check round");
      } catch (error) {
        log.warn({ project: project.name, err: (error as Error).message }, "format check round failed");
      }
      await woken;
    }
  });
  log.info(
    { projects: projects.map((p) => p.name) },
    projects.length ? "format check running" : "no format-check mailbox configured",
  );
  return {
    name: "format-check",
    async stop() {
      controller.abort();
      await Promise.all([...readers, ...loops]);
      if (!tuning.outbox) await outbox.close();
    },
  };
}
