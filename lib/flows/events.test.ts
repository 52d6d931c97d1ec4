import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { LIFECYCLE } from "./events";

const root = path.resolve(__dirname, "../..");
const flows = __dirname;

/** The flow modules: every file of lib/flows/<use-case>/ but tests and test support. */
function flowFiles(): string[] {
  return fs
    .readdirSync(flows, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(flows, dir.name))
        .filter((name) => /\.ts$/.test(name) && !name.includes(".test."))
        .map((name) => path.join(flows, dir.name, name)),
    );
}

/** The comment a flow file starts with (its lifecycle header), or "" when it has none. */
function header(file: string): string {
  const text = fs.readFileSync(file, "utf8");
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (/^\s*(\/\/|\/\*\*?|\*)/.test(line)) lines.push(line);
    else if (line.trim() !== "" || lines.length > 0) break;
  }
  return lines.join("\n");
}

describe("the lifecycle table", () => {
  it("names modules that exist", () => {
    const named = Object.values(LIFECYCLE).flatMap((event) => [
      ...event.emittedBy,
      ...event.reactions.map((reaction) => reaction.flow),
    ]);
    expect(named.filter((file) => !fs.existsSync(path.join(root, file)))).toEqual([]);
  });

  it("has an emitter and a reaction for every event", () => {
    for (const [name, event] of Object.entries(LIFECYCLE)) {
      expect(event.emittedBy.length, name).toBeGreaterThan(0);
      expect(event.reactions.length, name).toBeGreaterThan(0);
    }
  });

  it("knows every event a flow's header names", () => {
    // Headers name events in double quotes: `Reacts to "series complete"; emits "series applied"`.
    const known = new Set(Object.keys(LIFECYCLE));
    const unknown: string[] = [];
    for (const file of flowFiles()) {
      const text = header(file);
      if (!/reacts to|emits/i.test(text)) continue;
      for (const [, quoted] of text.matchAll(/"([a-z][a-z -]+)"/g))
        if (!known.has(quoted!)) unknown.push(`${path.relative(root, file)}: "${quoted}"`);
    }
    expect(unknown).toEqual([]);
  });

  it("has every flow whose header names an event in it", () => {
    const inTable = new Set<string>(
      Object.values(LIFECYCLE).flatMap((event) => [
        ...event.emittedBy,
        ...event.reactions.map((r) => r.flow),
      ]),
    );
    const missing = flowFiles()
      .filter((file) => Object.keys(LIFECYCLE).some((name) => header(file).includes(`"${name}"`)))
      .map((file) => path.relative(root, file))
      .filter((file) => !inTable.has(file));
    expect(missing).toEqual([]);
  });
});
