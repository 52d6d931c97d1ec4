import { PatchwatchError } from "../errors";
import { bareMsgid } from "../routes";

/**
 * What `patchwatch apply` was given: a series URL of a Patchwatch server, a Message-ID,
 * or a search (lib/query's language, as typed in the web UI's search box).
 */
export type ApplyTarget =
  | { kind: "series"; server: string; project: string; msgid: string }
  | { kind: "message"; server: string | null; msgid: string }
  | { kind: "query"; query: string };

/** Top-level routes that are not a project (lib/config/projects-file.ts refuses these project names). */
const NOT_A_PROJECT = new Set(["api", "git", "m", "series", "search"]);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `https://pw.example/ltp/<msgid>` (the series page, or its /mbox), `/api/v1/series/ltp/<msgid>`,
 * `/m/<msgid>` and `/series/<msgid>/mbox` name a series or a message on that server; a
 * `<…>` or a bare `local@domain` is a Message-ID; anything else is a search.
 */
export function resolveTarget(text: string): ApplyTarget {
  const input = text.trim();
  if (/^https?:\/\//i.test(input)) return fromUrl(input);
  if (/^<[^<>\s]+>$/.test(input)) return { kind: "message", server: null, msgid: bareMsgid(input) };
  // `from:jane@x.org` is a search; a Message-ID has no `key:` in front of its `@`.
  if (/^[^\s:<>"]+@[^\s<>"]+$/.test(input)) return { kind: "message", server: null, msgid: input };
  return { kind: "query", query: input };
}

function fromUrl(input: string): ApplyTarget {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { kind: "query", query: input };
  }
  const server = url.origin;
  const parts = url.pathname
    .split("/")
    .filter((p) => p !== "")
    .map(decode);
  if (parts[0] === "api" && parts[1] === "v1" && parts[2] === "series" && parts.length === 5) {
    return { kind: "series", server, project: parts[3]!, msgid: bareMsgid(parts[4]!) };
  }
  if ((parts[0] === "m" || parts[0] === "series") && parts.length >= 2) {
    return { kind: "message", server, msgid: bareMsgid(parts[1]!) };
  }
  if (parts.length >= 2 && !NOT_A_PROJECT.has(parts[0]!)) {
    return { kind: "series", server, project: parts[0]!, msgid: bareMsgid(parts[1]!) };
  }
  throw new PatchwatchError(
    "bad-request",
    `not a series URL: ${input} (expected https://HOST/PROJECT/MESSAGE-ID)`,
  );
}
