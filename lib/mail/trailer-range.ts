/*
 * Reviewers often say which patches their tags are for, before the tags:
 *
 *   For patches 1-3:
 *   Reviewed-by: Jane Doe <jane@example.com>
 *
 *   Otherwise for the whole patchset:
 *
 *   Reviewed-by: Jane Doe <jane@example.com>
 *
 * or after them, even in a reply to one patch (LTP, in a reply to 1/2):
 *
 *   Reviewed-by: Jane Doe <jane@example.com>
 *   for both patches.
 *
 * b4 and patchwork do not read these lines: a tag on the cover letter goes to every
 * patch, crediting the reviewer for patches they did not review, and a tag on one patch
 * stays there although it was given for the whole series. We read two kinds of
 * statement, never in quoted text:
 *
 * - before a block of trailers (in its paragraph, or in the paragraph above the blank
 *   lines before it when that one ends with a colon): a whole-line range ("For patches
 *   1-3:"), or a last sentence that names the whole series and says the tags are for it
 *   or approves it ("Anyway, the whole patch set looks good to me:", "Also whole patchset
 *   LGTM.", "To series:"), with no word that limits, doubts or denies ("not", "but",
 *   "only", "except", a question);
 * - after a block (the next line, the first line after the blank lines below it, or the
 *   end of a trailer's own line): only a line that is nothing but "for <scope>" ("for
 *   both patches.", "(for all patches in the series)", "for patches 1-3").
 *
 * Prose that merely mentions patches ("Patch 3 looks odd to me:", "I haven't looked at
 * the other patches", "for this patch", "The rest looks fine:") never matches.
 */

/** Which patches a trailer is for: the numbers named, or every patch of the series. */
export type TrailerScope = number[] | "all";

/** More patches than any series has; a bound so `1-99999999` cannot allocate. */
const MAX_PATCH_NUMBER = 999;
/** No statement is this long; longer text is prose (and regexes stay cheap). */
const MAX_STATEMENT = 200;

const ITEM = String.raw`\d{1,3}(?:\s*-\s*\d{1,3})?`;
const SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)`;
const ITEMS = String.raw`${ITEM}(?:${SEPARATOR}${ITEM})*`;
/** Words that open a statement without changing it: "Otherwise for patches 1-3:". */
const LEAD_IN = String.raw`(?:(?:otherwise|anyway|and|also|so|then|ok|okay|with\s+that(?:\s+fixed)?|other\s+than\s+that|apart\s+from\s+that)\s*[,.]?\s+)*`;

const STATEMENT = new RegExp(
  String.raw`^\s*${LEAD_IN}(?:(?:for|to|on)\s+)?(?:(?:the\s+)?patch(?:es)?\s+)?(${ITEMS})\s*:\s*$`,
  "i",
);

/** `patch set`, `patch-set`, `patchset`, `series`. */
const SERIES = String.raw`(?:patch[\s-]?set|series)`;
const DETERMINER = String.raw`(?:(?:the|this|your|these)\s+)`;
/** "the whole series", "whole patchset", "the entire patch set". */
const WHOLE = String.raw`${DETERMINER}?(?:whole|entire|complete|full)\s+${SERIES}`;
/** "all patches (in the series)", "both the patches", "all of the 5 commits", "both commits". */
const ALL = String.raw`(?:all|both)\s+(?:of\s+)?${DETERMINER}?(?:(?:\d{1,3}|two|three|four|five)\s+)?(?:patches|commits)(?:\s+(?:in|of)\s+${DETERMINER}?(?:whole\s+)?${SERIES})?`;
/** "the series", "this patch set", "series" (only after "for"/"to", or approving). */
const THE_SERIES = String.raw`${DETERMINER}?${SERIES}`;

/** Words that make a statement about the series a limit, a doubt or a denial. */
const LIMITING =
  /\b(?:not|no|never|nor|except|excluding|only|but|without|unless|if|yet|cannot|rest\s+of\s+the\s+patches|other\s+patches)\b|n't\b|\?/i;
const APPROVING =
  /\b(?:lgtm|looks?\s+(?:good|fine|ok|okay|sane|reasonable|great)|good|fine|ack(?:ed)?|reviewed|tested|agreed?)\b|\+1/i;
const THANKS = /\bthanks?(?:\s+you)?\s+(?:a\s+lot\s+)?for\s+[^,.;:!]*/gi;

/** Names every patch: "the whole patchset", "both patches". */
const NAMES_WHOLE = new RegExp(String.raw`\b(?:${WHOLE}|${ALL})\b`, "i");
/** Names the series with a preposition or determiner: "for series", "this patch set". */
const NAMES_SERIES = new RegExp(String.raw`\b(?:(?:for|to)\s+|${DETERMINER})${SERIES}\b`, "i");
/** Nothing but "for <scope>:" or "<scope>:": "For series:", "To the patch set:", "Whole series:". */
const BARE_STATEMENT = new RegExp(
  String.raw`^${LEAD_IN}(?:(?:for|to)\s+)?(?:${WHOLE}|${ALL}|${THE_SERIES})\s*:$`,
  "i",
);
/** "for the whole series", "to both patches". */
const FOR_WHOLE = new RegExp(String.raw`\b(?:for|to)\s+(?:${WHOLE}|${ALL})\b`, "i");

/** A whole line after a trailer block: "for both patches.", "(for all patches in the series)". */
const AFTER = new RegExp(
  String.raw`^\(?\s*(?:this\s+(?:is\s+|applies\s+)?|applies\s+)?(?:for|to)\s+(?:(${WHOLE}|${ALL}|${THE_SERIES})|(?:the\s+)?(?:patch(?:es)?\s+)?(${ITEMS}))[\s.!)]*$`,
  "i",
);

/** The patch numbers a range statement line names, sorted and unique; null when the line is not one. */
export function parseRangeStatement(line: string): number[] | null {
  if (line.length > MAX_STATEMENT) return null;
  const match = STATEMENT.exec(line);
  if (!match) return null;
  return parseItems(match[1]!);
}

function parseItems(text: string): number[] | null {
  const numbers = new Set<number>();
  for (const item of text.split(/\s*(?:,|\band\b|&)\s*/i)) {
    if (item.trim() === "") continue;
    const bounds = item
      .trim()
      .split(/\s*-\s*/)
      .map(Number);
    const from = bounds[0];
    const to = bounds[1] ?? from;
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) continue;
    if (from > to || to > MAX_PATCH_NUMBER) return null;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  if (numbers.size === 0) return null;
  return [...numbers].sort((a, b) => a - b);
}

/**
 * The scope a statement standing before a block of trailers gives them. `text` is the
 * statement's paragraph (its lines joined by spaces): a range must be its whole last
 * line (`lastLine`), a statement about the whole series its last sentence.
 */
export function parseScopeBefore(text: string, lastLine: string): TrailerScope | null {
  const range = parseRangeStatement(lastLine);
  if (range) return range;
  const sentence = lastSentence(text);
  if (sentence === null || LIMITING.test(sentence)) return null;
  const s = sentence.replace(THANKS, " ").trim();
  if (BARE_STATEMENT.test(s)) return "all";
  // The whole series named, and said to be what the tags are for, or approved.
  if (NAMES_WHOLE.test(s) && (FOR_WHOLE.test(s) || s.endsWith(":") || APPROVING.test(s))) return "all";
  // "the series" alone is weaker ("I would add a test to the series:"): only approved.
  if (NAMES_SERIES.test(s) && APPROVING.test(s)) return "all";
  return null;
}

/** The scope a line standing after a block of trailers (or ending a trailer's own line) gives them. */
export function parseScopeAfter(line: string): TrailerScope | null {
  if (line.length > MAX_STATEMENT) return null;
  const match = AFTER.exec(line);
  if (!match) return null;
  if (match[1] !== undefined) return "all";
  return parseItems(match[2]!);
}

/**
 * A trailer value that ends with its own scope, `Jane <jane@example.com> for all patches`:
 * the value without it and the scope; null when there is none.
 */
export function splitScopeSuffix(value: string): { value: string; scope: TrailerScope } | null {
  if (value.length > 2 * MAX_STATEMENT) return null;
  const starts = /[\s,;]\(?\s*(?:this\s+|applies\s+)?(?:for|to)\s/gi;
  for (let m = starts.exec(value); m !== null; m = starts.exec(value)) {
    const scope = parseScopeAfter(value.slice(m.index + 1).trim());
    if (scope === null) continue;
    const rest = value.slice(0, m.index).replace(/[\s,;-]+$/, "");
    if (rest.length > 0) return { value: rest, scope };
  }
  return null;
}

function lastSentence(text: string): string | null {
  if (text.length > 4 * MAX_STATEMENT) text = text.slice(-4 * MAX_STATEMENT);
  const sentences = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const last = sentences[sentences.length - 1];
  return last === undefined || last.length > MAX_STATEMENT ? null : last;
}
