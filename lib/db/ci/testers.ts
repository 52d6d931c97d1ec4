import { bearerToken, generateTesterToken, hashTesterToken, isTesterTokenShape } from "../../ci/token";
import { PatchwatchError } from "../../errors";
import { type Db, Prisma, prisma } from "../client";

/** A tester as its token proves it: who, and the projects it may work for (empty: all). */
export interface AuthenticatedTester {
  id: number;
  name: string;
  projects: string[];
}

export interface TesterRow {
  name: string;
  projects: string[];
  createdAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

/** A tester name is an admin's label: printable, no spaces, short (it appears in `tester:<name>`). */
const TESTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,62}$/;

/**
 * Makes a tester and returns its token, which exists only in this answer: the database
 * keeps its SHA-256. A revoked tester's name can be given again (a new token, same name).
 */
export async function createTester(
  db: Db,
  input: { name: string; projects: string[] },
): Promise<{ name: string; token: string; projects: string[] }> {
  if (!TESTER_NAME.test(input.name))
    throw new PatchwatchError(
      "bad-request",
      `invalid tester name ${JSON.stringify(input.name)}: letters, digits, '.', '_', '@' or '-', at most 63`,
    );
  const token = generateTesterToken();
  const data = { tokenHash: hashTesterToken(token), projects: [...new Set(input.projects)] };
  const existing = await prisma(db).tester.findUnique({
    where: { name: input.name },
    select: { revokedAt: true },
  });
  if (existing && !existing.revokedAt)
    throw new PatchwatchError(
      "conflict",
      `tester ${input.name} exists; revoke it first to give it a new token`,
    );
  try {
    if (existing)
      await prisma(db).tester.update({
        where: { name: input.name },
        data: { ...data, revokedAt: null, createdAt: new Date(), lastSeenAt: null },
      });
    else await prisma(db).tester.create({ data: { name: input.name, ...data } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new PatchwatchError("conflict", `tester ${input.name} exists`);
    throw error;
  }
  return { name: input.name, token, projects: data.projects };
}

/** Revokes a tester's token at once: its next call gets a 401, its running jobs go back to the queue when their leases end. */
export async function revokeTester(db: Db, name: string, now: Date = new Date()): Promise<void> {
  const { count } = await prisma(db).tester.updateMany({
    where: { name, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) {
    const known = await prisma(db).tester.findUnique({ where: { name }, select: { id: true } });
    throw new PatchwatchError(
      "not-found",
      known ? `tester ${name} is already revoked` : `no tester named ${name}`,
    );
  }
}

export async function listTesters(db: Db): Promise<TesterRow[]> {
  return prisma(db).tester.findMany({
    orderBy: { name: "asc" },
    select: { name: true, projects: true, createdAt: true, revokedAt: true, lastSeenAt: true },
  });
}

/**
 * The tester an `Authorization: Bearer <token>` header names. Missing, malformed, unknown
 * and revoked tokens all fail the same way (401, code `unauthorized`), saying no more
 * than which of missing or refused it was.
 */
export async function authenticateTester(db: Db, authorization: string | null): Promise<AuthenticatedTester> {
  const token = bearerToken(authorization);
  if (!token)
    throw new PatchwatchError("unauthorized", "a tester token is required: Authorization: Bearer <token>");
  const row = isTesterTokenShape(token)
    ? await prisma(db).tester.findUnique({
        where: { tokenHash: hashTesterToken(token) },
        select: { id: true, name: true, projects: true, revokedAt: true },
      })
    : null;
  if (!row || row.revokedAt)
    throw new PatchwatchError("unauthorized", "the tester token is invalid or revoked");
  return { id: row.id, name: row.name, projects: row.projects };
}
