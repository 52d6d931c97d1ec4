import { describe, expect, it } from "vitest";

import { parseQuery } from "./parser";
import { likePattern, toSql } from "./to-sql";

const now = new Date("2026-04-01T12:00:00.000Z");

function sql(text: string, firstParam = 1) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return toSql(parsed.query, { now, firstParam });
}

describe("toSql", () => {
  it("an empty search is TRUE with no values", () => {
    expect(sql("")).toEqual({ text: "TRUE", values: [] });
  });

  it.each<[string, RegExp, unknown[]]>([
    [
      "lchown",
      /^\(s\.title ILIKE \$1 OR search_title_tsv\(s\.title\) @@ phraseto_tsquery\('english', \$2\)\)$/,
      ["%lchown%", "lchown"],
    ],
    ["subject:for-10.0", /^s\.subject ILIKE \$1$/, ["%for-10.0%"]],
    ["from:pvorel", /^search_person_text\(s\.author_name, s\.author_email\) ILIKE \$1$/, ["%pvorel%"]],
    [
      "to:ltp",
      /pm\.role IN \('cover', 'patch'\) AND m\.kind IN \('patch', 'cover', 'pull'\) AND search_address_text\(m\."to", m\.cc\) ILIKE \$1\)$/,
      ["%ltp%"],
    ],
    [
      "cc:ltp",
      /search_address_text\(m\."to", m\.cc\) ILIKE \$1 AND EXISTS \(.*m\.cc.*a->>'email' ILIKE \$1/,
      ["%ltp%"],
    ],
    ["project:qemu", /pr\.name = \$1 OR parent\.name = \$1/, ["qemu"]],
    ["id:<a@b>", /^EXISTS \(.*m\.msgid = \$1\)$/, ["a@b"]],
    ["is:reviewed", /^s\.reviewed$/, []],
    ["is:complete", /^s\.complete$/, []],
    ["is:obsolete", /^s\.obsoleted_by IS NOT NULL$/, []],
    ["is:merged", /^s\.merged_at IS NOT NULL$/, []],
    ["is:rfc", /^s\.is_rfc$/, []],
    ["is:pull", /^s\.is_pull$/, []],
    ["has:replies", /^s\.reply_count > 0$/, []],
    ["version:>2", /^s\.version > \$1$/, [2]],
    [
      "reviewed-by:chrubis",
      /t\.key = 'reviewed-by' AND search_person_text\(t\.name, t\.email\) ILIKE \$1/,
      ["%chrubis%"],
    ],
    ["acked-by:jan", /t\.key = 'acked-by'/, ["%jan%"]],
    ['b:"memory leak"', /m\.body_tsv @@ phraseto_tsquery\('simple', \$1\)/, ["memory leak"]],
    [
      "nq:NACK",
      /m\.body_tsv @@ phraseto_tsquery\('simple', \$1\) AND search_unquoted_tsv\(m\.body\) @@ phraseto_tsquery\('simple', \$1\)/,
      ["NACK"],
    ],
    ["dfn:lib/tst_test.c", /search_files_text\(pa\.files\) ILIKE \$1/, ["%lib/tst\\_test.c%"]],
    ["dfb:TST_EXP", /m\.added_lines ILIKE \$1/, ["%TST\\_EXP%"]],
  ])("%s gives %s", (text, pattern, values) => {
    const fragment = sql(text);
    expect(fragment.text).toMatch(pattern);
    expect(fragment.values).toEqual(values);
  });

  it.each([
    ["age:>2w", "s.last_activity < $1::timestamp", "2026-03-18 12:00:00.000"],
    ["age:<3d", "s.last_activity >= $1::timestamp", "2026-03-29 12:00:00.000"],
    ["age:1m", "s.last_activity < $1::timestamp", "2026-03-02 12:00:00.000"],
    ["age:>1y", "s.last_activity < $1::timestamp", "2025-04-01 12:00:00.000"],
  ])("%s compares the last activity with now minus the age: %s, %s", (text, condition, cutoff) => {
    const fragment = sql(text);
    expect(fragment.text).toBe(`(s.last_activity IS NOT NULL AND ${condition})`);
    expect(fragment.values).toEqual([cutoff]);
  });

  it("terms are ANDed, OR groups are ORed, negation wraps its term", () => {
    expect(sql("-is:obsolete {is:rfc is:pull} (is:reviewed is:complete)").text).toBe(
      "NOT (s.obsoleted_by IS NOT NULL) AND (s.is_rfc OR s.is_pull) AND (s.reviewed AND s.complete)",
    );
  });

  it("a negated subquery stays NOT EXISTS, which PostgreSQL runs as an anti-join", () => {
    expect(sql("-dfn:Makefile").text).toMatch(/^NOT \(EXISTS \(SELECT 1 FROM patch pa/);
  });

  it("placeholders are numbered from firstParam, in the order of the values", () => {
    const fragment = sql("from:a version:3 lchown", 4);
    expect(fragment.text).toMatch(/ILIKE \$4 AND s\.version = \$5 AND \(s\.title ILIKE \$6 .* \$7\)\)$/);
    expect(fragment.values).toEqual(["%a%", 3, "%lchown%", "lchown"]);
  });

  it("nothing the user typed reaches the SQL text", () => {
    const evil = `'; DROP TABLE series; --`;
    const fragment = sql(`from:"${evil}" b:"${evil}" "${evil}"`);
    expect(fragment.text).not.toContain("DROP");
    expect(fragment.values).toContain(`%${evil}%`);
  });
});

describe("likePattern", () => {
  it.each([
    ["abc", "%abc%"],
    ["tst_test", "%tst\\_test%"],
    ["100%", "%100\\%%"],
    ["a\\b", "%a\\\\b%"],
  ])("%j matches literally as %j", (value, pattern) => {
    expect(likePattern(value)).toBe(pattern);
  });
});
