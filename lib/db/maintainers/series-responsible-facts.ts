import type { ResponsibleEntry } from "../../maintainers/responsible";
import type { SeriesResponsibleFacts } from "../../maintainers/series-people";
import { type Db, prisma } from "../client";

interface Row {
  responsible_blob: string | null;
  people: ResponsibleEntry[] | null;
  author: string[] | null;
  replied: string[] | null;
  reviewed: string[] | null;
  ccd: string[] | null;
  has_tree: boolean;
  maintainers_error: string | null;
}

/*
 * One query: the series' rows and the facts of its thread. Addresses are lower-cased and
 * widened to every address of the same person (person_email), so a maintainer who replies
 * from another address still counts. `target` selects the series.
 */
const peopleSql = (target: string) => `
WITH s AS (${target}),
msgs AS (
  SELECT pm.role, m.from_email, m.person_id, m."to", m.cc
    FROM s JOIN project_message pm ON pm.series_id = s.id AND pm.project_id = s.project_id
    JOIN message m ON m.id = pm.message_id
),
reviewers AS (
  SELECT DISTINCT lower(t.email) AS email FROM s JOIN patch p ON p.series_id = s.id
    JOIN trailer t ON t.patch_id = p.id
   WHERE t.key IN ('reviewed-by', 'acked-by') AND t.email IS NOT NULL
)
SELECT s.responsible_blob,
  (SELECT json_agg(json_build_object('email', r.email, 'name', r.name, 'role', r.role,
            'sections', r.sections, 'status', r.status, 'rank', r.rank) ORDER BY r.rank)
     FROM series_responsible r WHERE r.series_id = s.id) AS people,
  (SELECT array_agg(DISTINCT lower(e)) FROM (
     SELECT s.author_email AS e
     UNION ALL SELECT pe2.email FROM person_email pe1 JOIN person_email pe2 ON pe2.person_id = pe1.person_id
      WHERE pe1.email = lower(s.author_email)) a) AS author,
  (SELECT array_agg(DISTINCT lower(e)) FROM (
     SELECT from_email AS e FROM msgs WHERE role = 'reply'
     UNION ALL SELECT pe.email FROM msgs JOIN person_email pe ON pe.person_id = msgs.person_id
      WHERE msgs.role = 'reply') a) AS replied,
  (SELECT array_agg(DISTINCT lower(e)) FROM (
     SELECT email AS e FROM reviewers
     UNION ALL SELECT pe2.email FROM reviewers JOIN person_email pe1 ON lower(pe1.email) = reviewers.email
       JOIN person_email pe2 ON pe2.person_id = pe1.person_id) a) AS reviewed,
  (SELECT array_agg(DISTINCT lower(a ->> 'email')) FROM msgs,
       jsonb_array_elements(CASE WHEN jsonb_typeof(msgs."to") = 'array' THEN msgs."to" ELSE '[]' END
                         || CASE WHEN jsonb_typeof(msgs.cc) = 'array' THEN msgs.cc ELSE '[]' END) AS a
    WHERE msgs.role IN ('cover', 'patch') AND a ->> 'email' IS NOT NULL) AS ccd,
  (g.project_id IS NOT NULL) AS has_tree,
  g.maintainers_error
FROM s
LEFT JOIN project p ON p.id = s.project_id
LEFT JOIN LATERAL (
  SELECT gm.project_id, gm.maintainers_error FROM git_mirror gm
   WHERE gm.project_id = s.project_id OR gm.project_id = p.parent_id
   ORDER BY (gm.project_id = s.project_id) DESC LIMIT 1
) g ON true`;

const byId = peopleSql(
  "SELECT id, project_id, author_email, responsible_blob FROM series WHERE id = $1::bigint",
);
const byHead = peopleSql(
  `SELECT se.id, se.project_id, se.author_email, se.responsible_blob FROM series se
     JOIN project pr ON pr.id = se.project_id WHERE pr.name = $1 AND se.head_msgid = $2`,
);

function toFacts(row: Row | undefined): SeriesResponsibleFacts | null {
  if (!row) return null;
  return {
    responsibleBlob: row.responsible_blob,
    responsible: row.people ?? [],
    thread: {
      authorEmails: row.author ?? [],
      repliedEmails: row.replied ?? [],
      reviewedEmails: row.reviewed ?? [],
      ccdEmails: row.ccd ?? [],
    },
    hasTree: row.has_tree,
    maintainersError: row.maintainers_error,
  };
}

/** A series' series_responsible rows and the facts of its thread (one query); null when there is no such series. */
export async function getSeriesResponsibleFacts(
  db: Db,
  seriesId: bigint,
): Promise<SeriesResponsibleFacts | null> {
  const rows = await prisma(db).$queryRawUnsafe<Row[]>(byId, seriesId);
  return toFacts(rows[0]);
}

/** getSeriesResponsibleFacts for a series named by project and head Message-ID, for the series page (one query). */
export async function getSeriesResponsibleFactsByHead(
  db: Db,
  project: string,
  headMsgid: string,
): Promise<SeriesResponsibleFacts | null> {
  const rows = await prisma(db).$queryRawUnsafe<Row[]>(byHead, project, headMsgid);
  return toFacts(rows[0]);
}
