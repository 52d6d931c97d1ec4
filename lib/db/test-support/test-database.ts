import crypto from "node:crypto";

import pg from "pg";
import { inject } from "vitest";

import { closeDb, createDb, type Db } from "../client";
import type { PrismaClient } from "../generated/client";
import { migrate } from "../migrate";
import { prismaForTests } from "./prisma-for-tests";

export interface TestDatabase {
  /** The handle the repositories and flows under test take. */
  db: Db;
  /** The same connection as Prisma's client, for a test that plants or inspects rows directly. */
  prisma: PrismaClient;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database for one test file, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `pw_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const db = createDb(url);
  return {
    db,
    prisma: prismaForTests(db),
    url,
    async drop() {
      await closeDb(db);
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
