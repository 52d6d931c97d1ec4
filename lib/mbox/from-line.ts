/**
 * What a `From ` line after an empty line is. In a strict mboxrd file every such line is
 * a separator, because writers escape `From ` in bodies (mboxrd, Hall 2005:
 * https://www.loc.gov/preservation/digital/formats/fdd/fdd000385.shtml). Real files are
 * not all strict: mboxo writers and `git format-patch` leave body lines such as
 * "From here on we..." unescaped, and test files use bare separators such as `From A` or
 * `From nobody`. So:
 *
 * - `strong`: `From <word> <date>` where the date part holds a time (`8:54`, `00:00:00`)
 *   and a four-digit year, as every MTA, `git format-patch`, public-inbox and patchwork
 *   write it (git's own mailsplit accepts a line only if it looks like this,
 *   builtin/mailsplit.c is_from_line). A separator.
 * - `bare`: `From <word>` and nothing else. A separator only if the next line is a
 *   header field (the reader checks that).
 * - `body`: anything else, e.g. "From here on we...". Part of the message.
 */
export type FromLineKind = "strong" | "bare" | "body";

const F = 0x46;
const LF = 0x0a;
const CR = 0x0d;

/** Whether bytes [start, end) begin with `From ` (case-sensitive, as in every mbox variant). */
export function startsWithFrom(buf: Buffer, start: number, end: number): boolean {
  return (
    end - start >= 5 &&
    buf[start] === F &&
    buf[start + 1] === 0x72 &&
    buf[start + 2] === 0x6f &&
    buf[start + 3] === 0x6d &&
    buf[start + 4] === 0x20
  );
}

/** Classifies the line [start, end) (LF and CR included or not), which starts with `From `. */
export function classifyFromLine(buf: Buffer, start: number, end: number): FromLineKind {
  let stop = end;
  while (stop > start && (buf[stop - 1] === LF || buf[stop - 1] === CR)) stop--;
  const rest = buf.toString("latin1", start + 5, stop);
  const match = /^(\S+)(?:[ \t]+(.*))?$/.exec(rest);
  if (!match) return "body";
  const date = match[2]?.trim() ?? "";
  if (date === "") return "bare";
  return /\b\d{1,2}:\d{2}\b/.test(date) && /\b\d{4}\b/.test(date) ? "strong" : "body";
}

/**
 * Whether the line [start, end) opens a header field: a field name of printable ASCII
 * other than `:` (RFC 5322 §3.6.8 ftext), optional blanks (the obsolete syntax of §4.5),
 * then `:`. Used to confirm a bare `From <word>` separator.
 */
export function looksLikeHeaderField(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = buf[i]!;
    if (c < 33 || c > 126 || c === 0x3a) break;
    i++;
  }
  if (i === start) return false;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  return i < end && buf[i] === 0x3a;
}
