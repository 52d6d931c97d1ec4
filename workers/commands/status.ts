import { listImapSources } from "../../lib/config/projects-file";
import { projectsConfig } from "../../lib/config/server-config";
import type { Db } from "../../lib/db/client";
import { getStatus, type StatusReport } from "../../lib/db/status/get-status";

export async function statusCommand(db: Db, opts: { json?: boolean }): Promise<StatusReport> {
  const report = await getStatus(db, listImapSources(projectsConfig().projects), new Date());
  if (opts.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return report;
  }
  const out: string[] = [];
  out.push(report.sources.length ? "IMAP sources:" : "IMAP sources: none configured");
  for (const s of report.sources)
    out.push(
      `  ${s.connected ? "connected   " : "disconnected"} ${s.key}: ${s.messagesRead} read, backlog ${s.backlog}, last message ${s.lastMessageAt ?? "never"}${s.lastError ? `, last error ${s.lastErrorAt}: ${s.lastError}` : ""}`,
    );
  out.push("queues:");
  for (const q of report.queues)
    out.push(
      `  ${q.name}: ${q.waiting} waiting, ${q.active} active, ${q.failed} failed, ${q.completed} completed`,
    );
  const r = report.rawMessages;
  out.push(`raw messages: ${r.total} stored, ${r.pending} pending, ${r.failed} failed`);
  out.push(report.applier.length ? "applier:" : "applier: no project has run it yet");
  for (const a of report.applier) {
    const c = a.series;
    out.push(
      `  ${a.project}: ${a.branch} at ${a.head?.slice(0, 12) ?? "(not fetched)"} from ${a.url}, fetched ${a.fetchedAt ?? "never"}, last round ${a.lastRunAt ?? "never"}`,
      `    series: ${c.applied} applied, ${c.failed} failed, ${c["needs-rebase"]} need a rebase, ${c.pending} waiting for their base${a.lastError ? `\n    last fetch error ${a.lastErrorAt}: ${a.lastError}` : ""}`,
    );
  }
  process.stdout.write(out.join("\n") + "\n");
  return report;
}
