import { getSeriesDetail } from "../../db/series/get-series-detail";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { getSeriesContract } from "../contracts";
import { seriesLinks } from "../series-links";

/** GET /api/v1/series/{project}/{msgid} */
export const getSeriesEndpoint = apiEndpoint(getSeriesContract, async ({ db, params }) => {
  const series = await getSeriesDetail(db, params.project, params.msgid);
  if (!series) {
    throw new PatchwatchError("not-found", `no series ${params.msgid} in project ${params.project}`);
  }
  return { body: { ...series, links: seriesLinks(series.project, series.id) } };
});
