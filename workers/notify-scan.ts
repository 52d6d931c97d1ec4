import type { ProjectConfig, RobotConfig, TestConfig } from "../lib/config";
import type { Db } from "../lib/db/client";
import { findApplyFailures } from "../lib/db/notify/find-apply-failures";
import { findTestFailures } from "../lib/db/notify/find-test-failures";
import { loadSeriesFacts } from "../lib/db/notify/load-series-facts";
import { loadTestFailure } from "../lib/db/notify/load-test-failure";
import { existingDedupeKeys } from "../lib/db/notify/robot-mail-rows";
import type { Log } from "../lib/log";
import { composeApplyFailed } from "../lib/notify/compose-apply-failed";
import { composeTestFailed } from "../lib/notify/compose-test-failed";
import { applyFailedKey, testFailedKey } from "../lib/notify/dedupe-key";
import type { RobotMailDraft, RobotSettings, SeriesFacts } from "../lib/notify/types";
import type { DeliveryResult, Outbox } from "../lib/outbox/deliver";
import type { MaintainersOf } from "./notify-maintainers";

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
        const failure = await loadTestFailure(ctx.db, row, {
          script: tests.get(row.test)!.script,
          publicUrl: ctx.publicUrl,
        });
        await deliver(composeTestFailed(series, failure, await settingsFor(series)));
      }
    }
  }
  return summary;
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
