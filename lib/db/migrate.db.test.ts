import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrate } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("migrations", () => {
  it("applying them again changes nothing", async () => {
    const again = await migrate(t.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it("create every table and column the Prisma schema declares", async () => {
    const columns = await t.db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
    const have = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const declared = declaredColumns(
      fs.readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8"),
    );
    expect(declared.length).toBeGreaterThan(50);
    expect(declared.filter((c) => !have.has(c))).toEqual([]);
  });
});

/** `table.column` for every scalar field of schema.prisma (relation fields name a model). */
function declaredColumns(schema: string): string[] {
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const models = new Set(blocks.map((b) => b[1]!));
  const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!));
  const columns: string[] = [];
  for (const [, name, body] of blocks) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!;
    for (const line of body!.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?\??/.exec(line);
      if (!field || models.has(field[2]!)) continue;
      if (!enums.has(field[2]!) && !/^(String|Int|BigInt|Float|Boolean|DateTime|Json|Bytes)$/.test(field[2]!))
        continue;
      columns.push(`${table}.${/@map\("([^"]+)"\)/.exec(line)?.[1] ?? field[1]}`);
    }
  }
  return columns;
}
