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

/**
 * The person of each sender address, creating people for addresses seen for the first
 * time. Called before the messages are inserted, so that each message row is written
 * once with its person: updating it afterwards would write every row twice, with all of
 * its indexes and generated search columns.
 */
export async function linkPeople(
  sql: pg.ClientBase,
  senders: { name: string; email: string }[],
): Promise<Map<string, number>> {
  const byEmail = new Map<string, string>();
  for (const s of senders) if (s.email && !byEmail.has(s.email)) byEmail.set(s.email, s.name);
  const personByEmail = new Map<string, number>();
  if (byEmail.size === 0) return personByEmail;
  const emails = [...byEmail.keys()];
  const known = await sql.query<{ email: string; person_id: number }>(
    "SELECT email, person_id FROM person_email WHERE email = ANY($1::text[])",
    [emails],
  );
  for (const k of known.rows) personByEmail.set(k.email, k.person_id);
  const fresh = emails.filter((e) => !personByEmail.has(e));
  if (fresh.length === 0) return personByEmail;
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
  // Addresses with no namesake yet: one new person per name key (or per address, for a
  // one-word name), created in one statement. Sequence values follow the ORDER BY, so
  // the returned ids sorted ascending match the names in order.
  const newcomers = new Map<string, string>();
  for (const email of fresh) {
    const name = byEmail.get(email) ?? "";
    const key = nameKey(name);
    if (key === null || !personByKey.has(key)) newcomers.set(key ?? `<${email}>`, name || email);
  }
  const created = newcomers.size
    ? await sql.query<{ id: number }>(
        "INSERT INTO person (name) SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i) ORDER BY i RETURNING id",
        [[...newcomers.values()]],
      )
    : { rows: [] };
  const ids = created.rows.map((r) => r.id).sort((x, y) => x - y);
  [...newcomers.keys()].forEach((key, i) => personByKey.set(key, ids[i]!));
  const rows = fresh.map((email) => [
    email,
    personByKey.get(nameKey(byEmail.get(email) ?? "") ?? `<${email}>`),
  ]);
  await bulkInsert(sql, "person_email", ["email", "person_id"], rows, "ON CONFLICT DO NOTHING");
  // Read back rather than trust our own rows: another writer may have claimed an address
  // meanwhile, and its person wins.
  const linked = await sql.query<{ email: string; person_id: number }>(
    "SELECT email, person_id FROM person_email WHERE email = ANY($1::text[])",
    [fresh],
  );
  for (const k of linked.rows) personByEmail.set(k.email, k.person_id);
  return personByEmail;
}
