import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { LOCKS } from "./locks";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [full] : [];
  });
}

describe("advisory-lock keys", () => {
  it("are unique", () => {
    const keys = Object.values(LOCKS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("are taken only from lib/db/locks.ts", () => {
    // A key written anywhere else is a lock this file does not know of.
    const own = path.join(__dirname, "locks.ts");
    const strays = ["lib", "workers"]
      .flatMap((top) => sources(path.join(root, top)))
      .filter((file) => file !== own && /\b72_?616_?\d{3}\b/.test(fs.readFileSync(file, "utf8")));
    expect(strays.map((file) => path.relative(root, file))).toEqual([]);
  });
});
