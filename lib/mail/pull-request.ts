import type { PullRequest } from "./types";

/*
 * Pull requests as `git request-pull` writes them:
 *
 *   The following changes since commit <sha>:
 *   …
 *   are available in the Git repository at:
 *
 *     git://git.kernel.org/pub/scm/…/repo.git tags/for-linus
 *
 * Older git writes "git repository"; lines may carry trailing spaces (patchwork 0024); a
 * mailer may wrap the sha onto the next line (0002) or the ref onto the line after the URL
 * (0023), which we join with one space as patchwork does.
 */

const BASE = /The following changes since commit\s+([0-9a-f]{7,64})\b/i;
const REPOSITORY = /^\s*are available in the git repository at:?\s*$/im;
/** git://, git+ssh://, ssh://, http(s)://, or scp-like `user@host:path`. */
const REPO_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|[\w.-]+@[\w.-]+:\S+)$/i;
/** A ref name as git check-ref-format allows it, roughly; no spaces, no scheme. */
const REF = /^[\w./@{}^~+-]+$/;

export function parsePullRequest(text: string): PullRequest | null {
  // Cheap test first: the multi-line regex below costs more than a substring search.
  if (!text.includes("epository at")) return null;
  const repository = REPOSITORY.exec(text);
  if (!repository) return null;
  const after = text.slice(
    repository.index + repository[0].length,
    repository.index + repository[0].length + 4096,
  );
  const lines = after.split("\n").map((line) => line.trim());
  let i = lines.findIndex((line) => line.length > 0);
  if (i < 0) return null;
  const [rawUrl = "", ...rest] = lines[i]!.split(/\s+/);
  const url = rawUrl.replace(/\\$/, "");
  if (!REPO_URL.test(url)) return null;
  let ref = rest
    .join(" ")
    .replace(/^\\\s*/, "")
    .trim();
  // A ref wrapped onto the next line: only when the URL line had none and the next line is one word.
  if (ref === "" && (lines[i + 1] ?? "") !== "" && REF.test(lines[i + 1]!) && !/^for$/i.test(lines[i + 1]!))
    ref = lines[++i]!;
  const base = BASE.exec(text.slice(0, repository.index + repository[0].length));
  return { url: ref ? `${url} ${ref}` : url, baseCommit: base ? base[1]!.toLowerCase() : null };
}
