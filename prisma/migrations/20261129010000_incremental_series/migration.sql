-- Incremental series assembly (lib/db/series/update-project-series.ts): what the lookups
-- of the affected closure (lib/series/closure.ts) need to stay index lookups.

-- Every Message-ID a message's hints name (Based-on/Depends-on/prerequisite-message-id,
-- Supersedes, "v1: <link>"), to find the messages naming a given one.
ALTER TABLE "message" ADD COLUMN "hint_msgids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
UPDATE "message" SET "hint_msgids" = ARRAY(
  SELECT DISTINCT named.id
  FROM unnest(ARRAY['basedOn', 'supersedes', 'previousVersions']) AS k(name),
       jsonb_array_elements_text(
         CASE WHEN jsonb_typeof("hints" -> k.name) = 'array' THEN "hints" -> k.name ELSE '[]'::jsonb END
       ) AS named(id)
  ORDER BY named.id)
WHERE jsonb_typeof("hints") = 'object'
  AND ("hints" -> 'basedOn' <> '[]'::jsonb
       OR "hints" -> 'supersedes' <> '[]'::jsonb
       OR "hints" -> 'previousVersions' <> '[]'::jsonb);
CREATE INDEX "message_hint_msgids_idx" ON "message" USING GIN ("hint_msgids") WITH (fastupdate = off);

-- GIN's fast update queues new entries in a pending list that every search reads
-- through, up to 4 MB of it: with mail arriving all day, lookups by References would
-- slow down between vacuums. Insert straight into the index instead.
ALTER INDEX "message_references_gin_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"message_references_gin_idx"'::regclass);

-- Loose fragments (cluster-loose.ts) are matched by sender within a time window. It
-- compares senders with JavaScript's toLowerCase(), and PostgreSQL's lower() depends on
-- the locale, so the key is coarser than both: ASCII letters folded, every other
-- character and the letters i and k dropped (the only non-ASCII characters whose
-- JavaScript lower case holds ASCII letters are U+0130 -> "i" + U+0307 and U+212A -> "k").
-- Senders JavaScript deems equal always share the key; the few others that do only make
-- the closure larger.
CREATE FUNCTION "loose_sender_key"(email TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT regexp_replace(translate(email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^\x01-\x7f]|[ik]', '', 'g') $$;
-- Only member candidates without an anchor (first Reference, else In-Reply-To) are loose.
CREATE INDEX "message_loose_idx" ON "message" ("loose_sender_key"("from_email"), "date")
  WHERE coalesce("references"[1], "in_reply_to", '') = '' AND "kind" IN ('patch', 'cover', 'pull');

-- Revisions of a topic: series with the same topic key or b4 change-id in a project.
CREATE INDEX "series_project_id_topic_key_idx" ON "series"("project_id", "topic_key");
CREATE INDEX "series_project_id_change_id_idx" ON "series"("project_id", "change_id");

-- Replacing a series deletes its links from either end (and cascades when it is removed).
CREATE INDEX "revision_link_newer_id_idx" ON "revision_link"("newer_id");

-- Messages of a project written but not assembled yet (a crash between the two steps).
CREATE INDEX "project_message_unassembled_idx" ON "project_message"("project_id") WHERE "role" IS NULL;
