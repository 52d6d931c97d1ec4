// Reacts to: "apply failed" and "test finished" (a failing test that mails), found by a
// periodic scan. Emits: a robot mail composed for each, handed to deliver-robot-mail.ts.

import { seriesFetchUrl } from "../../routes";
import type { ProjectConfig, RobotConfig, TestConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import { findApplyFailures } from "../../db/notify/find-apply-failures";
import { findTestFailures, type TestFailureRow } from "../../db/notify/find-test-failures";
import { loadSeriesFacts } from "../../db/notify/load-series-facts";
import { loadTestFailureRecords, type TestFailureRecords } from "../../db/notify/test-failure-records";
import { existingDedupeKeys } from "../../db/notify/robot-mail-rows";
import type { Log } from "../../log";
import { composeApplyFailed } from "../../notify/compose-apply-failed";
import { composeTestFailed } from "../../notify/compose-test-failed";
import { applyFailedKey, testFailedKey } from "../../notify/dedupe-key";
import type { RobotMailDraft, RobotSettings, SeriesFacts, TestFailure } from "../../notify/types";
import type { DeliveryResult, Outbox } from "./deliver-robot-mail";
import type { MaintainersOf } from "../maintainers/maintainers-of";

/**
 * One pass of the robot: for each project with `robot` settings, the failures that have
 * no mail yet — a series whose latest apply failed, a test marked `email: true` whose
 * latest result on a series is `fail` while its base does not fail — each composed and
 * handed to the outbox, which stores it and decides whether it goes.
 */
export interface NotifyContext {
  db: Db;
  projects: ProjectConfig[];
  projectIds: ReadonlyMap<string, number>;
  outbox: Outbox;
  publicUrl: string;
  log: Log;
  maintainersOf: MaintainersOf;
  now?: () => Date;
}

/** Failures older than this are not mailed: the robot answers news, not history. */
export const SCAN_WINDOW_HOURS = 72;

export type NotifySummary = Record<DeliveryResult["status"], number>;

export async function scanAndNotify(ctx: NotifyContext): Promise<NotifySummary> {
  const summary: NotifySummary = { sent: 0, "dry-run": 0, suppressed: 0, duplicate: 0, error: 0 };
  const now = ctx.now?.() ?? new Date();
  const since = new Date(now.getTime() - SCAN_WINDOW_HOURS * 3_600_000);
  for (const project of ctx.projects) {
    const robot = project.robot;
    const projectId = ctx.projectIds.get(project.name);
    if (!robot || projectId === undefined) continue;
    const deliver = async (draft: RobotMailDraft) => {
      const result = await ctx.outbox.deliver(draft, {
        dryRun: robot.dryRun,
        maxPerRecipientPerHour: robot.maxPerRecipientPerHour,
        now,
      });
      summary[result.status]++;
      ctx.log.info(
        { project: project.name, dedupeKey: draft.dedupeKey, status: result.status, reason: result.reason },
        "robot mail",
      );
    };
    const settingsFor = async (series: SeriesFacts): Promise<RobotSettings> =>
      robotSettings(ctx, project, robot, series);

    if (robot.applyFailures) {
      const rows = await findApplyFailures(ctx.db, [projectId], since);
      const keyOf = (r: (typeof rows)[number]) =>
        applyFailedKey(project.name, r.headMsgid, r.version, r.patchMsgids);
      const done = await existingDedupeKeys(ctx.db, rows.map(keyOf));
      for (const row of rows) {
        if (done.has(keyOf(row))) continue;
        const series = await loadSeriesFacts(ctx.db, row.seriesId);
        if (!series) continue;
        // The key names the patches the applier tried, which may differ from those stored now.
        const draft = composeApplyFailed(series, row, await settingsFor(series));
        await deliver({ ...draft, dedupeKey: keyOf(row) });
      }
    }

    const tests = new Map(emailTests(ctx.projects, project).map((t) => [t.name, t]));
    if (tests.size) {
      const rows = await findTestFailures(ctx.db, projectId, [...tests.keys()], since);
      const keyOf = (r: (typeof rows)[number]) => testFailedKey(project.name, r.headMsgid, r.version, r.test);
      const done = await existingDedupeKeys(ctx.db, rows.map(keyOf));
      for (const row of rows) {
        if (done.has(keyOf(row))) continue;
        const series = await loadSeriesFacts(ctx.db, row.seriesId);
        if (!series) continue;
        const failure = testFailure(row, await loadTestFailureRecords(ctx.db, row), {
          script: tests.get(row.test)!.script,
          publicUrl: ctx.publicUrl,
        });
        await deliver(composeTestFailed(series, failure, await settingsFor(series)));
      }
    }
  }
  return summary;
}

/** Characters of the stored log read for the excerpt: its kept head and tail are capped anyway. */
const MAX_LOG_CHARS = 2_000_000;

/**
 * The details of a failed test for its mail: the job's log, the tag it tested and where to
 * fetch it (the apply result the job was made from, else the series' latest applied one).
 */
function testFailure(
  row: TestFailureRow,
  { job, apply }: TestFailureRecords,
  options: { script: string; publicUrl: string },
): TestFailure {
  const text = job?.log?.text ?? "";
  return {
    test: row.test,
    jobId: row.jobId,
    log: text.length > MAX_LOG_CHARS ? text.slice(text.length - MAX_LOG_CHARS) : text,
    logTruncated: job?.log?.truncated ?? false,
    script: options.script,
    fetchUrl: apply ? seriesFetchUrl(apply, options.publicUrl) : null,
    tag: apply?.tag ?? job?.ref ?? null,
    commit: job?.commit ?? apply?.headCommit ?? null,
    summary: job?.summary ?? row.description,
    durationMs: row.durationMs,
    baseState: row.baseState,
  };
}

/** The project's tests that mail their failures: its own, else those of the parent whose tree it uses. */
export function emailTests(projects: ProjectConfig[], project: ProjectConfig): TestConfig[] {
  const parent = project.parent ? projects.find((p) => p.name === project.parent) : undefined;
  const tests = project.tests.length ? project.tests : (parent?.tests ?? []);
  return tests.filter((t) => t.email);
}

async function robotSettings(
  ctx: NotifyContext,
  project: ProjectConfig,
  robot: RobotConfig,
  series: SeriesFacts,
): Promise<RobotSettings> {
  const parent = project.parent ? ctx.projects.find((p) => p.name === project.parent) : undefined;
  const lists = project.lists.length ? project.lists : (parent?.lists ?? []);
  const files = [...new Set(series.patches.flatMap((p) => p.files))];
  return {
    from: { name: robot.fromName, address: robot.from },
    lists,
    ccLists: robot.ccLists,
    maintainers: robot.ccMaintainers ? await ctx.maintainersOf(project.name, files) : [],
    publicUrl: ctx.publicUrl,
  };
}
