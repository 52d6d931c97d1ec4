import { headerParam, mediaType, readRawHeader, type RawHeader } from "./raw-header";

/**
 * The part of a mail that holds the commit message: the body of a single-part mail, or
 * the first leaf of a multipart one (RFC 2046 §5.1), as `git mailinfo` reads it: mailman
 * wraps a post in multipart/mixed to add its footer, and `git format-patch --attach`
 * puts the message in the first part.
 */
export interface TextLeaf {
  /** The leaf's own header block; the message's header when it is the top level. */
  header: RawHeader;
  /** Where the leaf's header starts (0 for the top level). */
  headerStart: number;
  /** The leaf's body: [bodyStart, bodyEnd). */
  bodyStart: number;
  bodyEnd: number;
  nested: boolean;
}

/** Multipart nesting we follow; mail from git or b4 has one level, mailman's wrapping two. */
const MAX_DEPTH = 4;

export function contentTypeOf(header: RawHeader): string | undefined {
  return header.fields.find((f) => f.name === "content-type")?.value.trim();
}

/** The first text/plain leaf, or null when the first leaf is anything else (HTML, an attachment). */
export function findTextLeaf(raw: Buffer, top: RawHeader): TextLeaf | null {
  let leaf: TextLeaf = {
    header: top,
    headerStart: 0,
    bodyStart: top.bodyStart,
    bodyEnd: raw.length,
    nested: false,
  };
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const type = contentTypeOf(leaf.header);
    const media = mediaType(type);
    if (!media.startsWith("multipart/")) return media === "text/plain" ? leaf : null;
    const boundary = type ? headerParam(type, "boundary") : undefined;
    if (!boundary) return null;
    const part = firstPart(raw, leaf.bodyStart, leaf.bodyEnd, boundary);
    if (!part) return null;
    leaf = {
      header: readRawHeader(raw, part.start),
      headerStart: part.start,
      bodyStart: 0,
      bodyEnd: part.end,
      nested: true,
    };
    leaf.bodyStart = Math.min(leaf.header.bodyStart, part.end);
  }
  return null;
}

/**
 * [start, end) of the first body part between `--boundary` delimiter lines. The line end
 * before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
 */
function firstPart(
  raw: Buffer,
  from: number,
  to: number,
  boundary: string,
): { start: number; end: number } | null {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  let open = -1;
  for (let at = from; at < to;) {
    const lf = raw.indexOf(0x0a, at);
    const next = lf < 0 || lf >= to ? to : lf + 1;
    if (raw.subarray(at, at + delimiter.length).equals(delimiter)) {
      if (open < 0) {
        open = next;
      } else {
        let end = at;
        if (raw[end - 1] === 0x0a) end--;
        if (raw[end - 1] === 0x0d) end--;
        return { start: open, end: Math.max(open, end) };
      }
    }
    at = next;
  }
  return null;
}
