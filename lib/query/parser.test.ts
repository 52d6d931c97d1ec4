import { describe, expect, it } from "vitest";

import type { Term } from "./ast";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from "./parser";

/** A compact rendering of the tree, so each case fits on one line. */
function show(term: Term): string {
  switch (term.type) {
    case "text":
      return `${term.field}:${JSON.stringify(term.value)}${term.phrase ? "(phrase)" : ""}`;
    case "is":
      return `is:${term.state}`;
    case "has":
      return `has:${term.what}`;
    case "age":
      return `age${term.op}${term.amount}${term.unit}`;
    case "version":
      return `version${term.op}${term.value}`;
    case "not":
      return `NOT ${show(term.term)}`;
    case "or":
      return `OR(${term.terms.map(show).join(", ")})`;
    case "and":
      return `AND(${term.terms.map(show).join(", ")})`;
  }
}

function parsed(text: string): string {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(`${text}: ${result.message} at ${result.position}`);
  return result.query.terms.map(show).join(" & ");
}

describe("parseQuery: one operator each", () => {
  it.each([
    ["lchown", 'text:"lchown"'],
    ['"new API"', 'text:"new API"(phrase)'],
    ["from:pvorel@suse.cz", 'from:"pvorel@suse.cz"'],
    ["f:pvorel", 'from:"pvorel"'],
    ["to:ltp@lists.linux.it", 'to:"ltp@lists.linux.it"'],
    ["cc:chrubis", 'cc:"chrubis"'],
    ["subject:lchown", 'subject:"lchown"'],
    ['subject:"two words"', 'subject:"two words"(phrase)'],
    ["s:lchown", 'subject:"lchown"'],
    ["project:qemu", 'project:"qemu"'],
    ["id:<a@b>", 'id:"a@b"'],
    ["id:a@b", 'id:"a@b"'],
    ["msgid:a@b", 'id:"a@b"'],
    ["rfc822msgid:<a@b>", 'id:"a@b"'],
    ["is:reviewed", "is:reviewed"],
    ["is:complete", "is:complete"],
    ["is:obsolete", "is:obsolete"],
    ["is:obsoleted", "is:obsolete"],
    ["is:old", "is:obsolete"],
    ["is:merged", "is:merged"],
    ["is:rfc", "is:rfc"],
    ["is:pull", "is:pull"],
    ["IS:Reviewed", "is:reviewed"],
    ["not:reviewed", "NOT is:reviewed"],
    ["has:replies", "has:replies"],
    ["age:>2w", "age>2w"],
    ["age:<3d", "age<3d"],
    ["age:1y", "age>1y"],
    ["age:>6M", "age>6m"],
    [">2w", "age>2w"],
    ["<1m", "age<1m"],
    ["version:3", "version=3"],
    ["version:>2", "version>2"],
    ["version:<=2", "version<=2"],
    ["reviewed-by:chrubis", 'reviewed-by:"chrubis"'],
    ["acked-by:Jan", 'acked-by:"Jan"'],
    ["b:tst_test", 'body:"tst_test"'],
    ['b:"memory leak"', 'body:"memory leak"(phrase)'],
    ["nq:NACK", 'nq:"NACK"'],
    ["dfn:lib/tst_test.c", 'dfn:"lib/tst_test.c"'],
    ["dfb:TST_EXP_PASS", 'dfb:"TST_EXP_PASS"'],
    ["b:https://lore.kernel.org/x", 'body:"https://lore.kernel.org/x"'],
  ])("%s parses as %s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe("parseQuery: combining terms", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["from:pvorel is:reviewed", 'from:"pvorel" & is:reviewed'],
    ["{is:rfc is:pull}", "OR(is:rfc, is:pull)"],
    ["{is:rfc}", "is:rfc"],
    ["lchown {is:rfc is:pull} -is:obsolete", 'text:"lchown" & OR(is:rfc, is:pull) & NOT is:obsolete'],
    ["{(from:a is:rfc) is:pull}", 'OR(AND(from:"a", is:rfc), is:pull)'],
    ["{a {b c}}", 'OR(text:"a", OR(text:"b", text:"c"))'],
    ["-{is:rfc is:pull}", "NOT OR(is:rfc, is:pull)"],
    ["!(from:a is:rfc)", 'NOT AND(from:"a", is:rfc)'],
    ["{-is:rfc !is:pull}", "OR(NOT is:rfc, NOT is:pull)"],
    ["a{b}c", 'text:"a" & text:"b" & text:"c"'],
  ])("%j parses as %s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe("parseQuery: negation and patchew's shortcuts", () => {
  it.each([
    ["-is:reviewed", "NOT is:reviewed"],
    ["!is:reviewed", "NOT is:reviewed"],
    ["!has:replies", "NOT has:replies"],
    ["-from:pvorel", 'NOT from:"pvorel"'],
    ["-lchown", 'NOT text:"lchown"'],
    ['-"new API"', 'NOT text:"new API"(phrase)'],
    ["+reviewed", "is:reviewed"],
    ["-reviewed", "NOT is:reviewed"],
    ["-old", "NOT is:obsolete"],
    ["+lchown", 'text:"lchown"'],
    ["from:a-b", 'from:"a-b"'],
    ["x-y!z", 'text:"x-y!z"'],
    ["reviewed-by:a", 'reviewed-by:"a"'],
  ])("%j parses as %s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe("parseQuery: quoting", () => {
  it.each([
    ['"a b" c', 'text:"a b"(phrase) & text:"c"'],
    ['"fix: the thing"', 'text:"fix: the thing"(phrase)'],
    ['"say \\"hi\\""', 'text:"say \\"hi\\""(phrase)'],
    ['"back\\\\slash"', 'text:"back\\\\slash"(phrase)'],
    ['"{not a group}"', 'text:"{not a group}"(phrase)'],
    ['from:"Petr Vorel"', 'from:"Petr Vorel"(phrase)'],
    ['dfb:"tst_res(TINFO"', 'dfb:"tst_res(TINFO"(phrase)'],
    ['a"b"', 'text:"a" & text:"b"(phrase)'],
  ])("%j parses as %s", (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe("parseQuery: errors name the problem and its position", () => {
  it.each<[string, RegExp, number]>([
    ["foo:bar", /unknown operator 'foo:'.*put it in quotes/, 0],
    ["lchown form:pvorel", /unknown operator 'form:'/, 7],
    ["is:applied", /'is:applied' is not available yet.*known: is:reviewed, is:complete/, 3],
    ["is:bogus", /unknown 'is:bogus'; known: is:reviewed/, 3],
    ["not:bogus", /unknown 'is:bogus'/, 4],
    ["has:patches", /unknown 'has:patches'; known: has:replies/, 4],
    ["age:2", /not an age.*d, w, m or y/, 4],
    ["age:>2h", /not an age/, 4],
    ["age:=2w", /not an age/, 4],
    ["<foo>", /not an age/, 0],
    ["version:two", /not a version/, 8],
    ["version:>2.5", /not a version/, 8],
    ["from:", /'from:' needs a value/, 0],
    ["a from: b", /'from:' needs a value/, 2],
    ['from:""', /empty quotes/, 0],
    ['""', /empty quotes/, 0],
    ['"unclosed', /quote is never closed/, 0],
    ['subject:"unclosed', /quote is never closed/, 8],
    ["{is:rfc", /'\{' is never closed/, 0],
    ["a (b", /'\(' is never closed/, 2],
    ["is:rfc}", /'\}' closes no group/, 6],
    ["{a)", /'\)' where '\}' was expected/, 2],
    ["{}", /empty group/, 0],
    ["a - b", /'-' must be followed by a term/, 2],
    ["a !", /'!' must be followed by a term/, 2],
    ["-!a", /'-' cannot be followed by '!'/, 1],
    ["--is:rfc", /'-' cannot be followed by '-'/, 1],
    ["b:---", /'b:' searches words/, 0],
    ["dfb:ab", /'dfb:' needs at least 3 characters/, 0],
    ["a\u0000b", /control characters/, 1],
  ])("%j fails: %s at %i", (text, message, position) => {
    const result = parseQuery(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.position).toBe(position);
  });
});

describe("parseQuery: limits", () => {
  it(`a query longer than ${MAX_QUERY_LENGTH} characters is refused, saying how long it was`, () => {
    const result = parseQuery("a".repeat(MAX_QUERY_LENGTH + 1));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/limited to 1000 .*1001/) });
  });

  it(`a query of exactly ${MAX_QUERY_LENGTH} characters is accepted`, () => {
    expect(parseQuery("a".repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
  });

  it(`${MAX_TERMS} terms are accepted, one more is refused at the term too many`, () => {
    const words = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`);
    expect(parseQuery(words.slice(0, MAX_TERMS).join(" ")).ok).toBe(true);
    const result = parseQuery(words.join(" "));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/at most 40 terms/) });
    if (!result.ok) expect(result.position).toBe(words.slice(0, MAX_TERMS).join(" ").length + 1);
  });

  it("terms inside groups count towards the limit", () => {
    const inner = Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(" ");
    expect(parseQuery(`{${inner}}`).ok).toBe(false);
  });

  it("groups nested too deep are refused", () => {
    expect(parseQuery("{a ".repeat(12) + "}".repeat(12))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nest at most/),
    });
  });
});
