/**
 * What a reply says, read by PostgreSQL's regular expressions (ARE, `(?n)`: `^` and `$`
 * match at line ends, `.` and negated brackets never cross a line) so that no body leaves
 * the database. Lines quoted with `>` never count, as for trailers (DESIGN.md).
 */

/** A quoted line, then, after blank lines at most, a line of the replier's own (not a `-- ` signature). */
export const COMMENTS_RE = String.raw`(?n)^>.*(\n[ \t]*)*\n[ \t]*[^>[:space:]-]`;

/**
 * An unquoted line that starts by saying it went in: "Applied, thanks", "Patchset pushed,
 * thanks!", "Merged.", "The series queued". Only at the start of a line, so that "I applied
 * it and it fails" does not count.
 */
export const APPLIED_RE = String.raw`(?in)^[ \t]*(((the|this|whole|both|all)[ \t]+)?(patch(set|es)?|series|patches|version)[ \t]+)?(applied|pushed|merged|queued)\M`;

/** An unquoted line withdrawing the series: self-NAK, "withdraw", "please ignore/drop this". */
export const WITHDRAWS_RE = String.raw`(?in)^[^>\n]*(\mself[- ]?nac?k\M|\mwithdraw|please[ \t]+(ignore|disregard|drop)[ \t]+(this|the[ \t]+(patch|series))|\mnac?k[ \t]+(to[ \t]+)?my[ \t]+own)`;

/**
 * One JSON object per message of series `seriesAlias` that is not one of its patches or its
 * cover (message `m`, project_message `pm`): what lib/series/lost.ts reads as a ReplySignal.
 * The regexes are given as parameters; each body is only read for what its sender can
 * say (the author withdraws, others comment or apply), as reading bodies is the cost here.
 */
export function replySignalsSql(params: { applied: string; withdraws: string; comments: string }): string {
  return `coalesce((
      SELECT json_agg(json_build_object(
               'email', lower(m.from_email), 'name', m.from_name, 'date', m.date,
               'automated', m.auto_submitted,
               'review', EXISTS (SELECT 1 FROM jsonb_array_elements(m.trailers) e
                                  WHERE e->>'key' IN ('reviewed-by', 'acked-by')),
               'comments', NOT mine AND m.body ~ ${params.comments},
               'applied', NOT mine AND m.body ~ ${params.applied},
               'withdraws', mine AND m.body ~ ${params.withdraws}))
        FROM project_message pm JOIN message m ON m.id = pm.message_id,
             LATERAL (SELECT lower(m.from_email) = lower(s.author_email) AS mine) who
       WHERE pm.series_id = s.id AND pm.role IS DISTINCT FROM 'patch' AND pm.role IS DISTINCT FROM 'cover'
    ), '[]'::json)`;
}
