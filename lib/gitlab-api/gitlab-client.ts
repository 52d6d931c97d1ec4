import type { PipelineReport } from "../gitlab/pipeline-report";
import { parsePipeline, parsePipelineList } from "../gitlab/pipelines-response";
import { PatchwatchError } from "../errors";

/**
 * A small client of GitLab's REST API v4, for the pipelines of our tags: the poller's
 * fallback when a webhook was lost. `fetch` is Node's; answers are checked with zod
 * (lib/gitlab/pipelines-response.ts) before anything reads them.
 */
export interface GitlabClient {
  /** Pipelines run for a ref, newest first (GitLab's order). */
  listPipelines(ref: string): Promise<PipelineReport[]>;
  getPipeline(pipelineId: number): Promise<PipelineReport>;
}

/** Per request: a GitLab that does not answer must not hold the poller. */
const TIMEOUT_MS = 20_000;
/** Enough for the newest pipelines of one tag; a tag rarely has more than a few. */
const PER_PAGE = 20;

export function createGitlabClient(options: {
  apiUrl: string;
  project: number | string;
  token: string | undefined;
}): GitlabClient {
  const root = `${options.apiUrl.replace(/\/+$/, "")}/projects/${encodeURIComponent(String(options.project))}`;
  const get = async (path: string, query: Record<string, string> = {}): Promise<unknown> => {
    const url = `${root}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "application/json", ...(options.token ? { "PRIVATE-TOKEN": options.token } : {}) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      throw new PatchwatchError(
        "source-unreadable",
        `GitLab did not answer ${path}: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new PatchwatchError("source-unreadable", `GitLab answered ${response.status} to ${path}`);
    }
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new PatchwatchError("source-unreadable", `GitLab's answer to ${path} is not JSON`);
    }
  };
  return {
    async listPipelines(ref) {
      const parsed = parsePipelineList(
        await get("/pipelines", { ref, order_by: "id", sort: "desc", per_page: String(PER_PAGE) }),
      );
      if (!parsed.ok)
        throw new PatchwatchError("source-unreadable", `GitLab's pipeline list: ${parsed.message}`);
      return parsed.value;
    },
    async getPipeline(pipelineId) {
      const parsed = parsePipeline(await get(`/pipelines/${pipelineId}`));
      if (!parsed.ok)
        throw new PatchwatchError("source-unreadable", `GitLab's pipeline ${pipelineId}: ${parsed.message}`);
      return parsed.value;
    },
  };
}
