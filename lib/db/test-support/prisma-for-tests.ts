import { type Db, prisma } from "../client";
import type { PrismaClient } from "../generated/client";

/**
 * The Prisma client behind a handle, for the tests, benchmarks and browser tests that plant
 * or inspect rows directly to check what the repositories wrote. Production code calls a
 * repository instead.
 */
export function prismaForTests(db: Db): PrismaClient {
  return prisma(db);
}
