import { latestApplyViewOf } from "../../db/apply/latest-apply-view";
import { getSeriesChecks } from "../../db/series/get-series-checks";
import { getSeriesDetail } from "../../db/series/get-series-detail";
import { PatchwatchError } from "../../errors";
import { seriesPeople } from "../../maintainers/series-people";
import { apiEndpoint } from "../api-endpoint";
import { applyJson } from "../apply-json";
import { checksJson } from "../checks-json";
import { getSeriesContract } from "../contracts";
import { seriesLinks, seriesMboxHref } from "../../routes";

/** GET /api/v1/series/{project}/{msgid} */
export const getSeriesEndpoint = apiEndpoint(getSeriesContract, async ({ db, params }) => {
  const detail = await getSeriesDetail(db, params.project, params.msgid);
  if (!detail) {
    throw new PatchwatchError("not-found", `no series ${params.msgid} in project ${params.project}`);
  }
  const { series } = detail;
  const [apply, checks] = await Promise.all([
    latestApplyViewOf(db, series.project, series.id),
    getSeriesChecks(db, { project: series.project, headMsgid: series.id }),
  ]);
  return {
    body: {
      ...series,
      people: seriesPeople(detail.responsible),
      apply: applyJson(apply),
      checks: checksJson(checks.contexts),
      mbox: seriesMboxHref(series.project, series.id),
      links: seriesLinks(series.project, series.id),
    },
  };
});
