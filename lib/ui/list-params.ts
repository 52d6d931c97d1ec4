import { z } from "zod";

/** What a list page reads from its URL: the search and the keyset cursor. */
export interface ListParams {
  /** The search as typed, trimmed; "" for none. */
  q: string;
  /** The `next` cursor of the page before, or null for the newest page. */
  after: string | null;
}

/** A repeated parameter (`?q=a&q=b`) counts once, by its first value, as a form would send it. */
const oneValue = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v));

const listParamsSchema = z.object({ q: oneValue, after: oneValue });

/** Reads `?q=` and `?after=` from a page's search params; anything else is ignored. */
export function parseListParams(searchParams: Record<string, string | string[] | undefined>): ListParams {
  const parsed = listParamsSchema.parse(searchParams);
  const after = parsed.after?.trim();
  return { q: parsed.q?.trim() ?? "", after: after ? after : null };
}

/** The URL of a list page for a search and a cursor, leaving out what is empty. */
export function listHref(path: string, params: { q?: string; after?: string | null }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.after) search.set("after", params.after);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The page of one series: Message-IDs carry `/`, `+`, `%` and worse, so they are encoded. */
export function seriesHref(project: string, headMsgid: string): string {
  return `/${encodeURIComponent(project)}/${encodeURIComponent(headMsgid)}`;
}
