import type { TestJob } from "../client/tester-client";

/**
 * The whole environment of a test script, built from nothing: the agent's own variables
 * (its token among them) never reach a script that runs a stranger's code. HOME and TMPDIR
 * are the job's own directories, removed with its worktree; PATCHWATCH_* say what is tested.
 */
export function scriptEnv(
  job: TestJob,
  dirs: { path: string; home: string; tmp: string },
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: dirs.path,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    LANG: "C.UTF-8",
    PATCHWATCH_JOB_ID: job.id,
    PATCHWATCH_PROJECT: job.project,
    PATCHWATCH_TEST: job.test,
    PATCHWATCH_COMMIT: job.commit,
    PATCHWATCH_REF: job.ref,
    PATCHWATCH_FETCH_URL: job.fetchUrl,
    PATCHWATCH_TIMEOUT_SECONDS: String(job.timeoutSeconds),
  };
  if (job.baseCommit) env.PATCHWATCH_BASE_COMMIT = job.baseCommit;
  if (job.series) {
    env.PATCHWATCH_SERIES_MSGID = job.series.headMsgid;
    env.PATCHWATCH_SERIES_VERSION = String(job.series.version);
  }
  // execve cannot carry a NUL; a Message-ID is the only value that comes from mail.
  return Object.fromEntries(Object.entries(env).filter(([, value]) => !value.includes("\0")));
}
