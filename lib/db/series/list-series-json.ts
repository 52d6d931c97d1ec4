import { type Db, prisma } from "../client";
import { type SeriesJson, seriesJsonInclude, toSeriesJson } from "./series-json";

export type { SeriesJson } from "./series-json";

/** Every series of a project, oldest first, for `patchwatch series --json`. */
export async function listSeriesJson(db: Db, projectName: string): Promise<SeriesJson[]> {
  const series = await prisma(db).series.findMany({
    where: { project: { name: projectName } },
    orderBy: [{ date: "asc" }, { headMsgid: "asc" }],
    include: seriesJsonInclude,
  });
  return series.map(toSeriesJson);
}
