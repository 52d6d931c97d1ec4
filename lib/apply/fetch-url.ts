/**
 * Where people fetch a series' tag from: the configured remote it was pushed to, else this
 * server's read-only smart-HTTP view of the project's publish repository, `/git/<project>`
 * (served by app/git). `origin` is the server's origin as the client reached it, or "" for
 * a root-relative path (the REST API, whose clients know the server they asked).
 */
export function seriesFetchUrl(
  apply: { tag: string | null; fetchUrl: string | null; publishProject: string | null },
  origin: string,
): string | null {
  if (!apply.tag) return null;
  if (apply.fetchUrl) return apply.fetchUrl;
  return apply.publishProject ? `${origin}/git/${apply.publishProject}` : null;
}

/** The command a maintainer pastes to get the applied series (then `git checkout FETCH_HEAD`). */
export function fetchCommand(url: string, tag: string): string {
  return `git fetch ${url} ${tag}`;
}
