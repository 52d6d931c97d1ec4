/*
 * Reviewers answering a cover letter often limit their tags to some patches:
 *
 *   For patches 1-3:
 *   Reviewed-by: Jane Doe <jane@example.com>
 *
 * b4 and patchwork ignore these lines and apply the tag to the whole series, which credits
 * the reviewer for patches they did not review. We accept only a whole line that is a range
 * statement ending in a colon, so prose ("Patch 3 looks odd to me:") does not match.
 */

/** More patches than any series has; a bound so `1-99999999` cannot allocate. */
const MAX_PATCH_NUMBER = 999;

const ITEM = String.raw`\d{1,3}(?:\s*-\s*\d{1,3})?`;
const SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)`;
const STATEMENT = new RegExp(
  String.raw`^\s*(?:(?:for|to|on)\s+)?(?:(?:the\s+)?patch(?:es)?\s+)?(${ITEM}(?:${SEPARATOR}${ITEM})*)\s*:\s*$`,
  "i",
);

/** The patch numbers a range statement line names, sorted and unique; null when the line is not one. */
export function parseRangeStatement(line: string): number[] | null {
  if (line.length > 200) return null;
  const match = STATEMENT.exec(line);
  if (!match) return null;
  const numbers = new Set<number>();
  for (const item of match[1]!.split(/\s*(?:,|\band\b|&)\s*/i)) {
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
