import { FINISHED_PIPELINE_STATUSES } from "../../gitlab/pipeline-status";
import { type Db, prisma } from "../client";

export interface TagToPoll {
  seriesId: bigint;
  tag: string;
  /** Pipelines of this tag we know of, with their last status. */
  pipelines: Map<number, string>;
}

/** Tags applied longer ago than this are not polled: a pipeline that never came is not coming. */
export const POLL_WINDOW_DAYS = 3;
/** Tags per poll round, newest first; the next round takes the rest. */
export const POLL_BATCH = 100;

/**
 * The series of a project's repository whose latest apply result is `applied` with its
 * tag pushed to the publish remote (fetch_url set) in the last POLL_WINDOW_DAYS, and that
 * have no finished pipeline yet: the ones a lost webhook would leave without a result.
 */
export async function findTagsToPoll(db: Db, publishProject: string, now: Date): Promise<TagToPoll[]> {
  const since = new Date(now.getTime() - POLL_WINDOW_DAYS * 24 * 3600 * 1000);
  const rows = await prisma(db).$queryRaw<
    { series_id: bigint; tag: string; pipelines: [string, string][] | null }[]
  >`
    SELECT ar.series_id, ar.tag,
           (SELECT json_agg(json_build_array(gp.pipeline_id::text, gp.status)) FROM gitlab_pipeline gp
             WHERE gp.series_id = ar.series_id AND gp.ref = ar.tag) AS pipelines
      FROM apply_result ar
     WHERE ar.publish_project = ${publishProject} AND ar.status = 'applied'
       AND ar.tag IS NOT NULL AND ar.fetch_url IS NOT NULL AND ar.created_at >= ${since}
       AND NOT EXISTS (SELECT 1 FROM apply_result newer WHERE newer.series_id = ar.series_id
                        AND (newer.created_at, newer.id) > (ar.created_at, ar.id))
       AND NOT EXISTS (SELECT 1 FROM gitlab_pipeline gp WHERE gp.series_id = ar.series_id
                        AND gp.ref = ar.tag AND gp.status = ANY(${[...FINISHED_PIPELINE_STATUSES]}))
     ORDER BY ar.created_at DESC, ar.id DESC
     LIMIT ${POLL_BATCH}`;
  return rows.map((r) => ({
    seriesId: r.series_id,
    tag: r.tag,
    pipelines: new Map((r.pipelines ?? []).map(([id, status]) => [Number(id), status])),
  }));
}
