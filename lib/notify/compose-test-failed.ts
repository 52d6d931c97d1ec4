import { greeting } from "./compose-apply-failed";
import { testFailedKey } from "./dedupe-key";
import { logUrl, seriesUrl } from "../routes";
import { excerptTestLog, quoteExcerpt } from "./log-excerpt";
import { seriesReply } from "./reply-headers";
import { shellWord } from "./shell-quote";
import { oneLine, shortCommit, signature, wrap } from "./text";
import type { RobotMailDraft, RobotSettings, SeriesFacts, TestFailure } from "./types";

/** Script lines shown in the reproduce command; a longer script is on the log page. */
const MAX_SCRIPT_LINES = 15;

/** The reply to a series a test marked `email: true` failed on. */
export function composeTestFailed(
  series: SeriesFacts,
  failure: TestFailure,
  robot: RobotSettings,
): RobotMailDraft {
  const test = oneLine(failure.test, 64);
  const on = failure.commit ? ` (commit ${shortCommit(failure.commit)})` : "";
  const took = failure.durationMs !== null ? `, after ${formatDuration(failure.durationMs)}` : "";
  const body: string[] = [
    greeting(series.author.name),
    "",
    ...wrap(
      `Thank you for the series. The test "${test}" failed on it${on}${took}.` +
        (failure.baseState === "success" ? " It passes on the branch without the series." : ""),
    ),
  ];
  if (failure.summary) body.push("", ...wrap(oneLine(failure.summary, 300)));
  const excerpt = excerptTestLog(failure.log);
  if (excerpt.lines.length) {
    body.push("", excerpt.cut ? "The relevant part of the log:" : "The log:", "", ...quoteExcerpt(excerpt));
  }
  body.push("");
  if (failure.jobId !== null) body.push(`Full log: ${logUrl(robot.publicUrl, failure.jobId)}`);
  body.push(`The series: ${seriesUrl(robot.publicUrl, series.project, series.headMsgid)}`);
  const reproduce = reproduceCommand(failure);
  if (reproduce.length) body.push("", "To reproduce:", "", ...reproduce);
  body.push("", ...signature(series.project));
  return seriesReply(series, robot, {
    kind: "test-failed",
    dedupeKey: testFailedKey(series.project, series.headMsgid, series.version, failure.test),
    body,
  });
}

/**
 * `git fetch <url> <tag> && git checkout FETCH_HEAD && <script>` for a one-line script;
 * a longer script follows the checkout line by line, as it runs under bash.
 */
export function reproduceCommand(failure: TestFailure): string[] {
  if (!failure.fetchUrl || !failure.tag) return [];
  const fetch = `git fetch ${shellWord(failure.fetchUrl)} ${shellWord(failure.tag)} && git checkout FETCH_HEAD`;
  const script = failure.script.replace(/\r\n?/g, "\n").trim().split("\n");
  if (script.length === 1) return [`  ${fetch} && ${script[0]}`];
  const shown = script.slice(0, MAX_SCRIPT_LINES).map((l) => `  ${l}`);
  if (script.length > MAX_SCRIPT_LINES) shown.push(`  # ... ${script.length - MAX_SCRIPT_LINES} more lines`);
  return [`  ${fetch}`, "", "then run the test's script with bash:", "", ...shown];
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
