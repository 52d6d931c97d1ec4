import type { CheckContext } from "../db/series/get-series-checks";
import { logHref } from "../routes";
import { linkableUrl } from "../ui/check-view";

/** The `checks` of a series in the REST API: the latest report of each context. */
export function checksJson(contexts: readonly CheckContext[]) {
  return contexts.map(({ context, patch, latest }) => ({
    context,
    patch,
    state: latest.state,
    url: latest.jobId !== null ? logHref(latest.jobId) : linkableUrl(latest.url),
    description: latest.description,
    source: latest.source,
    duration: latest.durationMs,
    baseState: latest.baseState,
    failsOnMasterToo: latest.failsOnMasterToo,
    date: latest.createdAt.toISOString(),
  }));
}
