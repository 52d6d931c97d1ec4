import { applyFailedKey } from "./dedupe-key";
import { seriesMboxUrl, seriesUrl } from "../routes";
import { excerptAmOutput, quoteExcerpt } from "./log-excerpt";
import { seriesReply } from "./reply-headers";
import { shellWord } from "./shell-quote";
import { oneLine, shortCommit, signature, wrap } from "./text";
import type { ApplyFailure, RobotMailDraft, RobotSettings, SeriesFacts } from "./types";

const BASE_KINDS: Record<string, string> = {
  "base-commit": "the base-commit the series names",
  "based-on": "the series it is based on",
  "branch-head": "the branch head",
};
const MAX_CONFLICTS_SHOWN = 10;

/** The reply to a series that did not apply: what failed, git's words, how to try it yourself. */
export function composeApplyFailed(
  series: SeriesFacts,
  failure: ApplyFailure,
  robot: RobotSettings,
): RobotMailDraft {
  const patch = series.patches.find((p) => p.index === failure.failedPatch);
  const total = series.patches.length;
  const what = patch
    ? `Patch ${patch.index}/${total} "${oneLine(patch.subject, 120)}" did not apply`
    : "The series did not apply";
  const base = failure.baseCommit
    ? ` on ${shortCommit(failure.baseCommit)} (${BASE_KINDS[failure.baseKind ?? ""] ?? "its base"})`
    : "";
  const body: string[] = [
    greeting(series.author.name),
    "",
    ...wrap(`Thank you for the series. ${what} to the ${series.project} tree${base}.`),
  ];
  if (failure.baseReason) body.push("", ...wrap(`Base: ${oneLine(failure.baseReason, 300)}`));
  if (failure.conflicts.length) {
    body.push("", failure.conflicts.length === 1 ? "Conflicting file:" : "Conflicting files:");
    for (const f of failure.conflicts.slice(0, MAX_CONFLICTS_SHOWN)) body.push(`  ${oneLine(f, 200)}`);
    if (failure.conflicts.length > MAX_CONFLICTS_SHOWN)
      body.push(`  (and ${failure.conflicts.length - MAX_CONFLICTS_SHOWN} more)`);
  }
  if (failure.log) {
    const excerpt = excerptAmOutput(failure.log);
    if (excerpt.lines.length) body.push("", "git am said:", "", ...quoteExcerpt(excerpt));
  }
  const mbox = seriesMboxUrl(robot.publicUrl, series.project, series.headMsgid);
  body.push(
    "",
    "To reproduce, in a clone of the tree:",
    "",
    ...(failure.baseCommit ? [`  git checkout ${shellWord(failure.baseCommit)}`] : []),
    `  curl -sf ${shellWord(mbox)} | git am --3way`,
    "",
    "or with the patchwatch command:",
    "",
    `  patchwatch apply --server ${shellWord(robot.publicUrl)} ${shellWord(series.headMsgid)}`,
    "",
    ...wrap(
      "If the series needs a newer tree, please rebase it and send a new version; " +
        "`git format-patch --base` tells the robot which commit it goes on.",
    ),
    "",
    `The series: ${seriesUrl(robot.publicUrl, series.project, series.headMsgid)}`,
    "",
    ...signature(series.project),
  );
  return seriesReply(series, robot, {
    kind: "apply-failed",
    dedupeKey: applyFailedKey(
      series.project,
      series.headMsgid,
      series.version,
      series.patches.map((p) => p.msgid),
    ),
    body,
  });
}

export function greeting(name: string): string {
  const n = oneLine(name, 80).replace(/^"|"$/g, "");
  return n ? `Hi ${n},` : "Hi,";
}
