import { describe, expect, it } from "vitest";

import { OPERATOR_HELP, SYNTAX_HELP } from "./help";
import { OTHER_OPERATORS, parseQuery, TEXT_OPERATORS } from "./parser";

describe("search help", () => {
  it.each([...OPERATOR_HELP, ...SYNTAX_HELP].map((h) => [h.example, h.syntax]))(
    "the example %j (for %s) parses",
    (example) => {
      expect(parseQuery(example)).toMatchObject({ ok: true });
    },
  );

  it.each([...Object.keys(TEXT_OPERATORS), ...OTHER_OPERATORS])("lists the operator %s:", (name) => {
    const written = OPERATOR_HELP.flatMap((h) => [h.syntax, ...h.aliases]);
    expect(written.some((w) => w.toLowerCase().startsWith(`${name}:`))).toBe(true);
  });
});
