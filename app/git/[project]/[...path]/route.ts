import path from "node:path";

import { projectsConfig, serverConfig } from "@/lib/config/server-config";
import { serveGitSmartHttp } from "@/lib/git/smart-http";

export const dynamic = "force-dynamic";

/**
 * `git fetch http://HOST/git/<project> <tag>`: the project's publish repository over
 * git's smart HTTP protocol, read-only (lib/git/smart-http.ts decides what is served).
 */
async function serve(
  request: Request,
  { params }: { params: Promise<{ project: string; path: string[] }> },
): Promise<Response> {
  const { project, path: rest } = await params;
  const config = serverConfig();
  const projects = projectsConfig().projects.map((p) => p.name);
  return serveGitSmartHttp(
    request,
    // Next.js sets X-Forwarded-For to the socket's address unless a proxy set it; git
    // uses REMOTE_ADDR for nothing but its messages.
    { project, path: rest, remoteAddr: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() },
    {
      repositoriesDir: path.join(config.dataDir, "git"),
      projects,
      onError: (message) => console.error(message),
    },
  );
}

export const GET = serve;
export const POST = serve;
