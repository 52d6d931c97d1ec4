import type { z } from "zod";

import { PatchwatchError } from "../errors";

/**
 * Keyset page cursors: the sort key of the last row shown, as base64url JSON. Opaque to
 * callers and checked on the way back in, since it arrives in a URL; a bad one is a 400
 * that says what to do.
 */
export function encodePageCursor(key: object): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodePageCursor<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  const bad = () =>
    new PatchwatchError("bad-request", "invalid page cursor: start again from the first page");
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw bad();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw bad();
  return parsed.data;
}
