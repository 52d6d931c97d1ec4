import { CopyCommand } from "@/app/_components/copy-command";
import { fetchCommand, seriesFetchUrl } from "@/lib/routes";
import type { SeriesPage } from "@/lib/views/series/series-page";
import { exactTime } from "@/lib/ui/relative-time";

type Apply = NonNullable<SeriesPage["apply"]>;

const short = (sha: string) => sha.slice(0, 12);

const heading: Record<string, string> = {
  applied: "Applied",
  failed: "Does not apply",
  pending: "Waiting for its base",
  "needs-rebase": "Needs a rebase",
};

/**
 * The latest attempt to apply the series: on what and why, the commits (one per patch)
 * and the command that fetches them, or what failed and git's own words.
 */
export function ApplyResult({
  apply,
  patches,
  origin,
}: {
  apply: Apply;
  patches: SeriesPage["patches"];
  origin: string;
}) {
  const url = seriesFetchUrl(apply, origin);
  const failed = patches.find((p) => p.index === apply.failedPatch);
  return (
    <div
      className="space-y-1.5 border-t border-zinc-200 pt-1.5 dark:border-zinc-800"
      data-apply-status={apply.status}
    >
      <p>
        <span className="font-medium">{heading[apply.status] ?? apply.status}</span>{" "}
        <span className="text-zinc-600 dark:text-zinc-400">
          ({exactTime(apply.createdAt)}
          {apply.baseCommit ? (
            <>
              , on <code className="font-mono text-xs">{short(apply.baseCommit)}</code>
            </>
          ) : null}
          )
        </span>
      </p>
      {apply.baseReason ? <p className="text-zinc-700 dark:text-zinc-300">{apply.baseReason}</p> : null}
      {url && apply.tag ? (
        <>
          <p className="text-zinc-600 dark:text-zinc-400">
            {apply.status === "needs-rebase"
              ? "The commits of the last good apply, on its old base:"
              : "Fetch the applied commits:"}
          </p>
          <CopyCommand
            command={fetchCommand(url, apply.tag)}
            label="Command that fetches the applied series"
          />
        </>
      ) : null}
      {apply.commits.length ? (
        <ol className="font-mono text-xs" aria-label="Applied commits">
          {apply.commits.map((sha, i) => (
            <li key={sha}>
              {short(sha)}{" "}
              <span className="font-sans text-zinc-600 dark:text-zinc-400">{patches[i]?.title ?? ""}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {apply.status === "needs-rebase" && apply.conflictRange ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          Conflicts with upstream <code className="font-mono text-xs break-all">{apply.conflictRange}</code>
          {apply.conflictCommits.length ? (
            <>
              , in{" "}
              {apply.conflictCommits.map((sha, i) => (
                <span key={sha}>
                  {i > 0 ? ", " : null}
                  <code className="font-mono text-xs">{short(sha)}</code>
                </span>
              ))}
            </>
          ) : null}
        </p>
      ) : null}
      {apply.failedPatch !== null && apply.status !== "applied" ? (
        <p>
          Patch {apply.failedPatch}
          {failed ? ` (${failed.title})` : ""}{" "}
          {apply.status === "needs-rebase" ? "does not apply on the new branch head." : "did not apply."}
        </p>
      ) : null}
      {apply.conflicts.length ? (
        <div>
          <p className="text-zinc-600 dark:text-zinc-400">Conflicting files:</p>
          <ul className="font-mono text-xs">
            {apply.conflicts.map((file) => (
              <li key={file} className="break-all">
                {file}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {apply.log && apply.status !== "applied" ? (
        <pre
          aria-label="git's output"
          className="max-h-80 overflow-auto rounded bg-zinc-50 p-2 text-xs whitespace-pre-wrap dark:bg-zinc-900"
        >
          {apply.log}
        </pre>
      ) : null}
    </div>
  );
}
