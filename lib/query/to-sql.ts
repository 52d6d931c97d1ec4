import type { AgeUnit, Query, State, Term, TextField } from "./ast";

/**
 * Turns a parsed search into a parameterised SQL condition on the series table, aliased
 * `s`. Every value is a parameter; nothing the user typed is spliced into the text.
 * Each condition is written the way an index of migration 20261129020000_search is
 * defined (the same expression), so that PostgreSQL can use it:
 *
 * - substring matches (ILIKE '%…%') use pg_trgm GIN indexes: series title/subject/author,
 *   patch file names (search_files_text), added diff lines (message.added_lines), To/Cc
 *   (search_address_text), review trailers (search_person_text);
 * - words use tsvector GIN indexes: the title (search_title_tsv: english, so "fixes"
 *   finds "fix"), bodies (message.body_tsv, 'simple', since bodies are code and mail;
 *   nq: checks b:'s candidates with search_unquoted_tsv).
 *
 * Conditions on other tables are EXISTS subqueries correlated on s.id: PostgreSQL turns
 * them into semi-joins (or anti-joins under NOT) when they stand in the top-level AND.
 * Every condition is true or false, never NULL, so NOT means "does not match".
 */
export interface SqlFragment {
  text: string;
  values: unknown[];
}

export interface ToSqlOptions {
  /** The clock `age:` is measured from. */
  now: Date;
  /** Number of the first placeholder ($1 when the fragment's values come first). */
  firstParam?: number;
}

/** patchew's units: a month is 30 days, a year 365. */
const DAYS: Record<AgeUnit, number> = { d: 1, w: 7, m: 30, y: 365 };

const STATE_SQL: Record<State, string> = {
  reviewed: "s.reviewed",
  complete: "s.complete",
  obsolete: "s.obsoleted_by IS NOT NULL",
  merged: "s.merged_at IS NOT NULL",
  rfc: "s.is_rfc",
  pull: "s.is_pull",
};

/** Messages of the series (cover, patches, replies) as `m`, correlated on s.id. */
const SERIES_MESSAGES = `project_message pm JOIN message m ON m.id = pm.message_id WHERE pm.series_id = s.id`;
/** The series' own mails (cover letter and patches), the ones its author addressed. */
const SERIES_MAILS = `${SERIES_MESSAGES} AND pm.role IN ('cover', 'patch')`;

/** `%value%` for LIKE, with LIKE's own wildcards (and the escape) taken literally. */
export function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A timestamp literal for the `timestamp(3)` columns, which hold UTC. */
function utcTimestamp(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}

export function toSql(query: Query, options: ToSqlOptions): SqlFragment {
  const values: unknown[] = [];
  const first = options.firstParam ?? 1;
  const param = (value: unknown, cast = ""): string => {
    values.push(value);
    return `$${first + values.length - 1}${cast}`;
  };

  /** The series' own mails whose To or Cc holds the pattern `p`; the trigram index finds them. */
  const addressed = (p: string): string =>
    `m.kind IN ('patch', 'cover', 'pull') AND search_address_text(m."to", m.cc) ILIKE ${p}`;

  const text = (field: TextField, value: string): string => {
    switch (field) {
      case "text": {
        // Substring for identifiers (lchown01, tst_test), words for language (stemmed).
        const like = param(likePattern(value));
        const words = param(value);
        return `(s.title ILIKE ${like} OR search_title_tsv(s.title) @@ phraseto_tsquery('english', ${words}))`;
      }
      case "subject":
        return `s.subject ILIKE ${param(likePattern(value))}`;
      case "from":
        // patchew's from: is the sender of the series' head mail: the series author.
        return `search_person_text(s.author_name, s.author_email) ILIKE ${param(likePattern(value))}`;
      case "to":
        // patchew's to: searches "recipients", To and Cc together: a list is often in Cc.
        return `EXISTS (SELECT 1 FROM ${SERIES_MAILS} AND ${addressed(param(likePattern(value)))})`;
      case "cc": {
        const p = param(likePattern(value));
        const inCc = `SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(m.cc) = 'array' THEN m.cc ELSE '[]' END) a WHERE a->>'email' ILIKE ${p} OR a->>'name' ILIKE ${p}`;
        return `EXISTS (SELECT 1 FROM ${SERIES_MAILS} AND ${addressed(p)} AND EXISTS (${inCc}))`;
      }
      case "project": {
        // patchew: a project's name also finds the series of its subprojects.
        const p = param(value);
        return `s.project_id IN (SELECT pr.id FROM project pr LEFT JOIN project parent ON parent.id = pr.parent_id WHERE pr.name = ${p} OR parent.name = ${p})`;
      }
      case "id":
        return `EXISTS (SELECT 1 FROM ${SERIES_MESSAGES} AND m.msgid = ${param(value)})`;
      case "reviewed-by":
      case "acked-by":
        return `EXISTS (SELECT 1 FROM patch pa JOIN trailer t ON t.patch_id = pa.id WHERE pa.series_id = s.id AND t.key = '${field}' AND search_person_text(t.name, t.email) ILIKE ${param(likePattern(value))})`;
      case "body":
        return `EXISTS (SELECT 1 FROM ${SERIES_MESSAGES} AND m.body_tsv @@ phraseto_tsquery('simple', ${param(value)}))`;
      case "nq": {
        // Unquoted text is part of the body: the body index finds candidates, then the
        // unquoted lines are checked (migration 20261129020000_search).
        const p = param(value);
        return `EXISTS (SELECT 1 FROM ${SERIES_MESSAGES} AND m.body_tsv @@ phraseto_tsquery('simple', ${p}) AND search_unquoted_tsv(m.body) @@ phraseto_tsquery('simple', ${p}))`;
      }
      case "dfn":
        return `EXISTS (SELECT 1 FROM patch pa WHERE pa.series_id = s.id AND search_files_text(pa.files) ILIKE ${param(likePattern(value))})`;
      case "dfb":
        return `EXISTS (SELECT 1 FROM patch pa JOIN message m ON m.id = pa.message_id WHERE pa.series_id = s.id AND m.added_lines ILIKE ${param(likePattern(value))})`;
    }
  };

  const term = (t: Term): string => {
    switch (t.type) {
      case "text":
        return text(t.field, t.value);
      case "is":
        return STATE_SQL[t.state];
      case "has":
        return "s.reply_count > 0";
      case "age": {
        const cutoff = new Date(options.now.getTime() - t.amount * DAYS[t.unit] * 86_400_000);
        const p = param(utcTimestamp(cutoff), "::timestamp");
        // `>` is older than: the last activity is before the cutoff.
        return `(s.last_activity IS NOT NULL AND s.last_activity ${t.op === ">" ? "<" : ">="} ${p})`;
      }
      case "version":
        return `s.version ${t.op} ${param(t.value)}`;
      case "not":
        return `NOT (${term(t.term)})`;
      case "or":
        return `(${t.terms.map(term).join(" OR ")})`;
      case "and":
        return `(${t.terms.map(term).join(" AND ")})`;
    }
  };

  if (query.terms.length === 0) return { text: "TRUE", values };
  return { text: query.terms.map(term).join(" AND "), values };
}
