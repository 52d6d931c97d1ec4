import { getProjectStats } from "../../flows/stats/project-stats";
import { PatchwatchError } from "../../errors";
import { countsByWeek, lostByWeek, mergeByMonth, responseByMonth } from "../../stats/shape";
import { apiEndpoint } from "../api-endpoint";
import { projectStatsContract } from "../stats-contracts";

const iso = (date: Date) => date.toISOString();

/** GET /api/v1/projects/{project}/stats: the numbers of the stats page, every week and month of the window. */
export const projectStatsEndpoint = apiEndpoint(projectStatsContract, async ({ db, params }) => {
  const stats = await getProjectStats(db, params.project, new Date());
  if (!stats) throw new PatchwatchError("not-found", `no project ${params.project}`);
  return {
    body: {
      project: stats.project,
      window: { start: iso(stats.window.start), end: iso(stats.window.end) },
      lostAfterDays: stats.lostAfterDays,
      response: responseByMonth(stats).map((r) => ({ ...r, month: iso(r.month) })),
      merge: {
        mergedEver: stats.merge.mergedEver,
        months: mergeByMonth(stats).map((m) => ({ ...m, month: iso(m.month) })),
      },
      weekly: countsByWeek(stats).map((w) => ({ ...w, week: iso(w.week) })),
      lost: lostByWeek(stats).map((w) => ({ ...w, week: iso(w.week) })),
      areas: stats.areas,
    },
  };
});
