import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { runHttpBackend, textResponse } from "./http-backend";

/**
 * The read-only git server behind `/git/<project>`: git's smart HTTP protocol
 * (gitprotocol-http(5)) for the publish repository `<repositoriesDir>/<project>.git`,
 * so `git fetch http://HOST/git/PROJECT patchwatch/<tag>` works with no other server.
 *
 * Only the two requests of a fetch or clone are passed to git:
 *   GET  <repo>/info/refs?service=git-upload-pack
 *   POST <repo>/git-upload-pack
 * Pushing (git-receive-pack) is refused with 403; the dumb protocol's file paths and
 * anything else get 404. The path git sees is built here from a configured project name
 * and one of these fixed suffixes; nothing from the URL is copied into it.
 */
export interface SmartHttpSite {
  /** `<dataDir>/git`: holds one `<project>.git` per project. */
  repositoriesDir: string;
  /** Names of the configured projects; no other repository is served. */
  projects: readonly string[];
  onError?: ((message: string) => void) | undefined;
}

export interface SmartHttpTarget {
  /** The `<project>` URL segment; `<project>.git` is accepted too. */
  project: string;
  /** The segments after it, e.g. ["info", "refs"]. */
  path: readonly string[];
  /** The client's address, if the server in front knows it; passed on only if it is an IP address. */
  remoteAddr?: string | null | undefined;
}

const READ_ONLY =
  "this repository is read-only: Patchwatch publishes applied series as tags to fetch, and takes patches by email";

export async function serveGitSmartHttp(
  request: Request,
  target: SmartHttpTarget,
  site: SmartHttpSite,
): Promise<Response> {
  const project = projectOf(target.project, site.projects);
  if (project === null) return textResponse(404, "no such project");
  const method = request.method === "HEAD" ? "GET" : request.method;
  const service = new URL(request.url).searchParams.get("service");
  const route = target.path.join("/");

  let suffix: string;
  if (route === "info/refs") {
    if (method !== "GET") return textResponse(405, "info/refs is read with GET", { Allow: "GET" });
    if (service === "git-receive-pack") return textResponse(403, READ_ONLY);
    if (service !== "git-upload-pack")
      return textResponse(403, "only git's smart HTTP protocol is served: use git 1.6.6 or later");
    suffix = "info/refs";
  } else if (route === "git-upload-pack") {
    if (method !== "POST") return textResponse(405, "git-upload-pack takes POST", { Allow: "POST" });
    suffix = "git-upload-pack";
  } else if (route === "git-receive-pack") {
    return textResponse(403, READ_ONLY);
  } else {
    return textResponse(404, "not a path of git's smart HTTP protocol");
  }

  const repository = path.join(site.repositoriesDir, `${project}.git`);
  if (!(await isDirectory(repository)))
    return textResponse(404, `project ${project} has no published repository yet: no series was applied`);

  return runHttpBackend({
    projectRoot: site.repositoriesDir,
    pathInfo: `/${project}.git/${suffix}`,
    method: suffix === "info/refs" ? "GET" : "POST",
    queryString: suffix === "info/refs" ? "service=git-upload-pack" : "",
    headers: request.headers,
    body: suffix === "info/refs" ? null : request.body,
    remoteAddr: target.remoteAddr && net.isIP(target.remoteAddr) ? target.remoteAddr : undefined,
    signal: request.signal,
    onError: site.onError,
  });
}

/** The configured project a URL segment names (`ltp` or `ltp.git`), or null. */
function projectOf(segment: string, projects: readonly string[]): string | null {
  if (projects.includes(segment)) return segment;
  const bare = segment.endsWith(".git") ? segment.slice(0, -4) : null;
  return bare !== null && projects.includes(bare) ? bare : null;
}

async function isDirectory(p: string): Promise<boolean> {
  return fs.promises.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
