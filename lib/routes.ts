/**
 * Every address of this server that the pages, the REST API, the feeds, the robot's mail
 * and the CLI print or request, built in one place so each segment is encoded one way.
 *
 * - `…Href`: a root-relative path of a page or a download, as an `<a href>` takes it.
 * - `api…Path`: a root-relative path of the REST API (lib/http/*-contracts.ts describe them).
 * - `…Url`: an absolute URL on a base given by the caller, the configured public URL for
 *   mail or the origin a request came to: the same page may be reached under several.
 *
 * Message-IDs carry `/`, `+`, `%`, `#`, `?` and worse, so every segment taken from data
 * goes through encodeURIComponent; project names are already URL-safe (lib/config/projects-file.ts
 * allows only `[a-z0-9._-]`) and are encoded all the same.
 */

const segment = encodeURIComponent;

/** A Message-ID as typed or pasted, as stored: without the angle brackets lore's links and people's pastes carry. */
export function bareMsgid(text: string): string {
  const id = text.trim();
  return id.startsWith("<") && id.endsWith(">") ? id.slice(1, -1).trim() : id;
}

/**
 * A Message-ID from a URL path segment: percent-decoded (Next.js hands dynamic segments
 * over still encoded, `%40` for `@`), then bare. A segment that is not valid
 * percent-encoding is taken as written.
 */
export function routeMsgid(segment: string): string {
  try {
    return bareMsgid(decodeURIComponent(segment));
  } catch {
    return bareMsgid(segment);
  }
}

/** The search and the keyset cursor of a list page. */
export interface ListQuery {
  q?: string;
  after?: string | null;
}

/** The URL of a list page for a search and a cursor, leaving out what is empty. */
export function listHref(path: string, params: ListQuery): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.after) search.set("after", params.after);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const HOME_HREF = "/";
export const SEARCH_HELP_HREF = "/search/help";

/** The series of every project, searched (`/series?q=…`). */
export function searchHref(params: ListQuery = {}): string {
  return listHref("/series", params);
}

/** A project's list of series, searched or not. */
export function projectHref(project: string, params: ListQuery = {}): string {
  return listHref(`/${segment(project)}`, params);
}

export function projectFeedHref(project: string): string {
  return `${projectHref(project)}/atom.xml`;
}

export function statsHref(project: string): string {
  return `${projectHref(project)}/stats`;
}

/** The lost page, from its newest rows or after a cursor of the lost list or of the orphaned list. */
export function lostHref(
  project: string,
  cursor: { after: string } | { oafter: string } | null = null,
): string {
  const path = `${projectHref(project)}/lost`;
  if (cursor === null) return path;
  return "after" in cursor
    ? `${path}?after=${segment(cursor.after)}`
    : `${path}?oafter=${segment(cursor.oafter)}`;
}

/** The page of one series. */
export function seriesHref(project: string, headMsgid: string): string {
  return `/${segment(project)}/${segment(headMsgid)}`;
}

/** A patch of a series, by its index from 1, on the series page. */
export function seriesPatchHref(project: string, headMsgid: string, index: number): string {
  return `${seriesHref(project, headMsgid)}#patch-${index}`;
}

/** A message of a series' discussion, on the series page. */
export function seriesMessageHref(project: string, headMsgid: string, msgid: string): string {
  return `${seriesHref(project, headMsgid)}#m-${segment(msgid)}`;
}

/** The series as a `git am` mbox with its collected trailers (app/[project]/[msgid]/mbox). */
export function seriesMboxHref(project: string, headMsgid: string): string {
  return `${seriesHref(project, headMsgid)}/mbox`;
}

/** One file of one patch of a series, as JSON hunks, for a file the series page left closed. */
export function seriesFileHref(project: string, headMsgid: string, patch: number, file: number): string {
  return `${seriesHref(project, headMsgid)}/file?patch=${patch}&file=${file}`;
}

/** What changed between two revisions of a series. */
export function interdiffHref(project: string, headMsgid: string, againstMsgid: string): string {
  return `${seriesHref(project, headMsgid)}/interdiff?against=${segment(againstMsgid)}`;
}

/** One message by its Message-ID, in whichever project has it. */
export function messageHref(msgid: string): string {
  return `/m/${segment(msgid)}`;
}

/** One file of a message's diff, as JSON hunks, for a file the message page left closed. */
export function messageFileHref(msgid: string, file: number): string {
  return `${messageHref(msgid)}/file?file=${file}`;
}

/** The filters of a maintainer's review queue, in the order the page writes them. */
export interface QueueFilters {
  project?: string;
  role?: string;
  age?: number;
  after?: string;
}

/** A maintainer's review queue, filtered or not. */
export function maintainerQueueHref(email: string, filters: QueueFilters = {}): string {
  const path = `/maintainer/${segment(email)}`;
  const search = new URLSearchParams();
  if (filters.project) search.set("project", filters.project);
  if (filters.role) search.set("role", filters.role);
  if (filters.age !== undefined) search.set("age", String(filters.age));
  if (filters.after) search.set("after", filters.after);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The log viewer of a test job. */
export function logHref(jobId: bigint | string): string {
  return `/logs/${segment(String(jobId))}`;
}

/** A test job's log as the tester sent it, plain text. */
export function rawLogHref(jobId: bigint | string): string {
  return `${logHref(jobId)}/raw`;
}

export const API_SERIES_PATH = "/api/v1/series";
export const API_TESTER_CLAIM_PATH = "/api/v1/tester/claim";

export function apiSeriesPath(project: string, headMsgid: string): string {
  return `${API_SERIES_PATH}${seriesHref(project, headMsgid)}`;
}

export function apiMessagePath(msgid: string): string {
  return `/api/v1/messages/${segment(msgid)}`;
}

export function apiProjectStatsPath(project: string): string {
  return `/api/v1/projects/${segment(project)}/stats`;
}

/** What a tester posts about a job it claimed. */
export function apiTesterJobPath(jobId: string, what: "heartbeat" | "log" | "result"): string {
  return `/api/v1/tester/jobs/${segment(jobId)}/${what}`;
}

/** Where a series lives on this server: its JSON detail and its web page (paths, so any host serves them). */
export function seriesLinks(project: string, headMsgid: string): { self: string; html: string } {
  return { self: apiSeriesPath(project, headMsgid), html: seriesHref(project, headMsgid) };
}

export function projectUrl(base: string, project: string): string {
  return `${base}${projectHref(project)}`;
}

export function searchUrl(base: string, q: string): string {
  return `${base}${searchHref({ q })}`;
}

export function seriesUrl(base: string, project: string, headMsgid: string): string {
  return `${base}${seriesHref(project, headMsgid)}`;
}

export function seriesMboxUrl(base: string, project: string, headMsgid: string): string {
  return `${base}${seriesMboxHref(project, headMsgid)}`;
}

export function logUrl(base: string, jobId: bigint | string): string {
  return `${base}${logHref(jobId)}`;
}

export function maintainerQueueUrl(base: string, email: string): string {
  return `${base}${maintainerQueueHref(email)}`;
}

/** Where a digest's reader posts its token to stop the digest. */
export function digestUnsubscribeUrl(base: string): string {
  return `${base}/api/v1/digest/unsubscribe`;
}

/**
 * This server's read-only smart-HTTP view of a project's publish repository (served by
 * app/git). `base` is "" for a root-relative path (the REST API, whose clients know the
 * server they asked).
 */
export function gitRepositoryUrl(base: string, project: string): string {
  return `${base}/git/${segment(project)}`;
}

/**
 * Where people fetch a series' tag from: the configured remote it was pushed to, else this
 * server's view of the project's publish repository. `base` is the server's origin as the
 * client reached it, the public URL, or "" for a root-relative path.
 */
export function seriesFetchUrl(
  apply: { tag: string | null; fetchUrl: string | null; publishProject: string | null },
  base: string,
): string | null {
  if (!apply.tag) return null;
  if (apply.fetchUrl) return apply.fetchUrl;
  return apply.publishProject ? gitRepositoryUrl(base, apply.publishProject) : null;
}

/** The command a maintainer pastes to get the applied series (then `git checkout FETCH_HEAD`). */
export function fetchCommand(url: string, tag: string): string {
  return `git fetch ${url} ${tag}`;
}
