import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { APPLY_STATUSES, BASE_KINDS } from "../apply/types";
import { CHECK_STATES } from "../checks/check-state";
import { TEST_JOB_STATES } from "../checks/test-job-state";
import { FORMAT_CHECK_MAIL_STATES } from "../format-check/mail-state";
import { MAINTAINER_ROLES } from "../maintainers/types";
import { ROBOT_MAIL_KINDS } from "../notify/robot-mail-kind";
import { ROBOT_MAIL_STATUSES } from "./notify/robot-mail-status";
import { MERGE_METHODS } from "../series/merge-match";
import { REVISION_LINK_REASONS } from "../series/types";
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
    const columns = await t.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
    const have = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const declared = declaredColumns(
      fs.readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8"),
    );
    expect(declared.length).toBeGreaterThan(50);
    expect(declared.filter((c) => !have.has(c))).toEqual([]);
  });
});

describe("state columns", () => {
  it("allow exactly the words their TypeScript owners list", async () => {
    const owners: Record<string, readonly string[]> = {
      test_result_state_check: CHECK_STATES,
      test_result_base_state_check: CHECK_STATES,
      test_job_state_check: TEST_JOB_STATES,
      apply_result_status_check: APPLY_STATUSES,
      apply_result_base_kind_check: BASE_KINDS,
      robot_mail_status_check: ROBOT_MAIL_STATUSES,
      robot_mail_kind_check: ROBOT_MAIL_KINDS,
      format_check_mail_state_check: FORMAT_CHECK_MAIL_STATES,
      revision_link_reason_check: REVISION_LINK_REASONS,
      patch_merged_how_check: MERGE_METHODS,
      series_responsible_role_check: MAINTAINER_ROLES,
    };
    const rows = await t.prisma.$queryRaw<{ name: string; definition: string }[]>`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE contype = 'c' AND conname = ANY(${Object.keys(owners)}::text[])`;
    const allowed = Object.fromEntries(
      rows.map((r) => [r.name, [...r.definition.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort()]),
    );
    expect(allowed).toEqual(
      Object.fromEntries(Object.entries(owners).map(([name, words]) => [name, [...words].sort()])),
    );
  });

  it("refuse a word the code never writes", async () => {
    const project = await t.prisma.project.create({ data: { name: "states" } });
    const series = await t.prisma.series.create({
      data: {
        projectId: project.id,
        headMsgid: "states@example.org",
        subject: "[PATCH] states",
        title: "states",
        version: 1,
        total: 1,
        received: 1,
        complete: true,
        topicKey: "states",
        revisions: [],
        basedOn: [],
      },
    });
    const result = (state: string) =>
      t.prisma
        .$executeRaw`INSERT INTO test_result (series_id, context, state) VALUES (${series.id}, 'build', ${state})`;
    await expect(result("passed")).rejects.toThrow(/test_result_state_check/);
    await expect(result("success")).resolves.toBe(1);
    const job = (state: string) =>
      t.prisma.$executeRaw`INSERT INTO test_job (project_id, test_name, "commit", ref, state)
                       VALUES (${project.id}, 'build', 'abc', 'main', ${state})`;
    await expect(job("success")).rejects.toThrow(/test_job_state_check/);
    await expect(job("passed")).resolves.toBe(1);
    const apply = (status: string) =>
      t.prisma
        .$executeRaw`INSERT INTO apply_result (series_id, status, commits) VALUES (${series.id}, ${status}, '{}')`;
    await expect(apply("merged")).rejects.toThrow(/apply_result_status_check/);
    await expect(apply("needs-rebase")).resolves.toBe(1);
    const mail = (state: string) =>
      t.prisma.$executeRaw`INSERT INTO format_check_mail (project, sha256, msgid, size, data, state)
                       VALUES ('states', ${Buffer.from(state)}, 'm@example.org', 0, ${Buffer.alloc(0)}, ${state})`;
    await expect(mail("sent")).rejects.toThrow(/format_check_mail_state_check/);
    await expect(mail("rate-limited")).resolves.toBe(1);
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
