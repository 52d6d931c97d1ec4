import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { inSqlTransaction } from "../../db/client";
import { fixtures, importFiles } from "./test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { affectedClosure } from "./affected-closure";

// How much of the project a new message makes updateProjectSeries re-assemble: on the
// LTP archive, the affected closure of every message taken as the one just arrived.
let t: TestDatabase;
let projectId: number;
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
  // Statistics, as autovacuum keeps them on a live database (the planner picks the GIN
  // index on References only once it knows the table is not tiny).
  await t.prisma.$executeRawUnsafe("ANALYZE");
  projectId = (await t.prisma.project.findUniqueOrThrow({ where: { name: "ltp" } })).id;
}, 300_000);
afterAll(async () => t.drop());

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe("the affected closure on the LTP archive", () => {
  it("of a new patch or reply is a few dozen messages, not the project", async () => {
    const messages = await t.prisma.message.findMany({
      select: { id: true, kind: true },
      orderBy: { id: "asc" },
    });
    const sizes = new Map<string, number[]>();
    const all: number[] = [];
    const rounds: number[] = [];
    await inSqlTransaction(t.db, async (sql) => {
      for (const m of messages) {
        const c = await affectedClosure(sql, projectId, [m.id]);
        all.push(c.messages.length);
        rounds.push(c.rounds);
        const list = sizes.get(m.kind) ?? [];
        list.push(c.messages.length);
        sizes.set(m.kind, list);
      }
    });
    const describe = (list: number[]) => {
      const s = [...list].sort((a, b) => a - b);
      return `median ${percentile(s, 50)}, p90 ${percentile(s, 90)}, max ${s[s.length - 1]}`;
    };
    console.log(`closure sizes over all ${all.length} messages: ${describe(all)}`);
    for (const [kind, list] of sizes) console.log(`  ${kind} (${list.length}): ${describe(list)}`);
    // bench/series-update.ts measures the time a closure takes; here only its size counts.
    console.log(`  lookup rounds: ${describe(rounds)}`);
    const sorted = [...all].sort((a, b) => a - b);
    expect(percentile(sorted, 50)).toBeLessThan(40);
    expect(percentile(sorted, 90)).toBeLessThan(150);
    expect(sorted[sorted.length - 1]!).toBeLessThan(messages.length / 5);
  });
});
