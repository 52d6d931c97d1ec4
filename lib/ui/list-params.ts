import { z } from "zod";

/** A page's search params as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

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
export function parseListParams(searchParams: SearchParams): ListParams {
  const parsed = listParamsSchema.parse(searchParams);
  const after = parsed.after?.trim();
  return { q: parsed.q?.trim() ?? "", after: after ? after : null };
}

/**
 * One parameter of a page's URL, as `?name=` reads on a form: the first value of a repeated
 * one, trimmed; undefined when absent or empty.
 */
export function searchParam(searchParams: SearchParams, name: string): string | undefined {
  const value = oneValue.parse(searchParams[name])?.trim();
  return value ? value : undefined;
}
