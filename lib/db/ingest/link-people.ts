import type pg from "pg";

import { bulkInsert } from "../bulk-insert";

/**
 * Gives every sender a person, inside the ingest transaction. An address seen for the
 * first time joins the person who already has the same full name (at least two words,
 * compared without case), like a .mailmap entry would: contributors post from work and
 * personal addresses (the LTP archive has Andrea Cervesato at suse.de and suse.com).
 * Otherwise it starts a new person. One-word names ("root", "Linus") are never merged.
 */
function nameKey(name: string): string | null {
  const words = name.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.length >= 2 && !words.includes("via") ? words.join(" ") : null;
}

export async function linkPeople(
  sql: pg.ClientBase,
  senders: { messageId: bigint; name: string; email: string }[],
): Promise<void> {
  const byEmail = new Map<string, string>();
  for (const s of senders) if (s.email && !byEmail.has(s.email)) byEmail.set(s.email, s.name);
  if (byEmail.size === 0) return;
  const emails = [...byEmail.keys()];
  const known = await sql.query<{ email: string }>(
    "SELECT email FROM person_email WHERE email = ANY($1::text[])",
    [emails],
  );
  const fresh = emails.filter((e) => !known.rows.some((k) => k.email === e));
  if (fresh.length) {
    const keys = [
      ...new Set(fresh.map((e) => nameKey(byEmail.get(e) ?? "")).filter((k): k is string => k !== null)),
    ];
    const named = keys.length
      ? await sql.query<{ id: number; key: string }>(
          "SELECT min(id) AS id, lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) AS key FROM person WHERE lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) = ANY($1::text[]) GROUP BY 2",
          [keys],
        )
      : { rows: [] };
    const personByKey = new Map(named.rows.map((r) => [r.key, r.id]));
    const rows: unknown[][] = [];
    for (const email of fresh) {
      const name = byEmail.get(email) ?? "";
      const key = nameKey(name);
      let id = key ? personByKey.get(key) : undefined;
      if (id === undefined) {
        const created = await sql.query<{ id: number }>(
          "INSERT INTO person (name) VALUES ($1) RETURNING id",
          [name || email],
        );
        id = created.rows[0]!.id;
        if (key) personByKey.set(key, id);
      }
      rows.push([email, id]);
    }
    await bulkInsert(sql, "person_email", ["email", "person_id"], rows, "ON CONFLICT DO NOTHING");
  }
  await sql.query(
    `UPDATE message m SET person_id = pe.person_id FROM person_email pe
     WHERE m.id = ANY($1::bigint[]) AND pe.email = m.from_email`,
    [senders.map((s) => s.messageId)],
  );
}
