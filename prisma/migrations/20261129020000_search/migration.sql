-- The search language (lib/query/to-sql.ts) and the series list (lib/db/series/list-series.ts).
-- Each index below is defined on exactly the expression to-sql.ts writes, or PostgreSQL
-- would not use it. This migration rewrites the message table once and indexes it: on a
-- database of 150,000 messages that takes a few minutes, during which writes wait.

-- The series list, newest activity first. NULLS LAST in a descending order is the same as
-- sorting a missing last activity as -infinity, which makes the keyset condition one row
-- comparison, (key, id) < (cursor key, cursor id), that these indexes serve.
CREATE INDEX "series_list_order_idx" ON "series" ((coalesce("last_activity", '-infinity'::timestamp)) DESC, "id" DESC);
CREATE INDEX "series_project_list_order_idx" ON "series" ("project_id", (coalesce("last_activity", '-infinity'::timestamp)) DESC, "id" DESC);

-- Titles (free text): 'english' as patchew does, so "fixes" finds "fix". PL/pgSQL with a
-- COST on purpose: an SQL function would be inlined and costed as one cheap call, and the
-- planner would then walk the whole list in order computing a tsvector per row (50 ms on
-- 27,000 series) rather than use the index (7 ms).
CREATE FUNCTION "search_title_tsv"(title TEXT) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000
  AS $$ BEGIN RETURN to_tsvector('english'::regconfig, title); END $$;
CREATE INDEX "series_title_tsv_idx" ON "series" USING GIN ("search_title_tsv"("title"));

-- Bodies (b:) are searched through a stored tsvector rather than an index on an
-- expression: GIN only narrows the candidates for a phrase (it keeps no positions), and
-- each candidate is then checked against the tsvector, which from an expression means
-- computing it from the body again (2.6 s for b:"memory leak" on 150,000 messages; and
-- the planner, unable to cost that, walked the list computing it for every row: 2.5 s
-- for b:kirk). Stored, both take milliseconds. It costs about 1.8 times the compressed
-- body on disk. 'simple': bodies are code and mail, where stemming and stop words do
-- more harm than good. Only the first 200,000 characters are indexed: a tsvector holds
-- at most 1 MB of lexemes (PostgreSQL's MAXSTRPOS) and 200,000 characters are at most
-- 800 KB of UTF-8, so no body can make an insert fail (the largest LTP mail, a 980 KB
-- patch, would).
--
-- Unquoted text (nq:) is part of the body: its matches are found among b:'s and checked
-- against the unquoted lines, which spares a second tsvector as large as the first.
-- (A phrase that only spans a removed quoted line is the one thing this misses.)
CREATE FUNCTION "search_unquoted_tsv"(body TEXT) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000
  AS $$ BEGIN RETURN to_tsvector('simple'::regconfig, left(regexp_replace(body, '^>[^\n]*', '', 'gn'), 200000)); END $$;

-- The lines a patch adds (dfb:), each with its leading '+', one per line; the '+++ b/file'
-- header is not one. Stored for the same reason: a trigram index only narrows the
-- candidates, and computing this again from each large diff took 2 s for
-- dfb:TST_EXP_PASS on 150,000 messages (250 ms stored).
CREATE FUNCTION "search_added_lines"(diff TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT regexp_replace(regexp_replace(diff, '^([^+\n]|\+\+\+ )[^\n]*', '', 'gn'), '\n\n+', E'\n', 'g') $$;

-- One ALTER, one rewrite of the table, before any index on it is built.
ALTER TABLE "message"
  ADD COLUMN "body_tsv" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, left("body", 200000))) STORED,
  ADD COLUMN "added_lines" TEXT GENERATED ALWAYS AS ("search_added_lines"("diff")) STORED;
CREATE INDEX "message_body_tsv_idx" ON "message" USING GIN ("body_tsv");

-- Texts searched by substring. Declared IMMUTABLE so they can be indexed:
-- array_to_string is only STABLE in general, but on text[] its result depends on nothing
-- but its arguments; the same holds of jsonb_path_query_array without dates.
CREATE FUNCTION "search_files_text"(files TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT array_to_string(files, E'\n') $$;
-- "Name <email>", so that a search matches either, or both as a trailer writes them.
CREATE FUNCTION "search_person_text"(name TEXT, email TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(name, '') || ' <' || coalesce(email, '') || '>' $$;
-- The names and addresses of To and Cc, as a JSON array of strings (keys left out, so
-- that a search for "email" does not match every message).
CREATE FUNCTION "search_address_text"("to" JSONB, cc JSONB) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT jsonb_path_query_array(coalesce("to", '[]') || coalesce(cc, '[]'), '$[*].*')::text $$;

-- Trigram indexes make ILIKE '%text%' an index search. pg_trgm ships with PostgreSQL
-- (contrib; Debian's postgresql-15 and the embedded-postgres binaries both have it) and
-- is a trusted extension since PostgreSQL 13, so a database owner may create it. Where it
-- is missing anyway, the searches still work, by scanning: the migration must not fail.
-- (Running this block again once pg_trgm is installed adds the indexes.)
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm unavailable (%): substring searches will scan instead of using an index', SQLERRM;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "series_title_trgm_idx" ON "series" USING GIN ("title" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "series_subject_trgm_idx" ON "series" USING GIN ("subject" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "series_author_trgm_idx" ON "series"
      USING GIN ("search_person_text"("author_name", "author_email") gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "patch_files_trgm_idx" ON "patch" USING GIN ("search_files_text"("files") gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "message_added_lines_trgm_idx" ON "message"
      USING GIN ("added_lines" gin_trgm_ops) WHERE "added_lines" IS NOT NULL;
    CREATE INDEX IF NOT EXISTS "message_address_trgm_idx" ON "message"
      USING GIN ("search_address_text"("to", "cc") gin_trgm_ops) WHERE "kind" IN ('patch', 'cover', 'pull');
    CREATE INDEX IF NOT EXISTS "trailer_review_person_trgm_idx" ON "trailer"
      USING GIN ("search_person_text"("name", "email") gin_trgm_ops) WHERE "key" IN ('reviewed-by', 'acked-by');
  END IF;
END $$;
