import { type Db, prisma } from "../client";

/** The latest apply result of a series as the series page and the API show it. */
export interface ApplyView {
  status: string;
  /** base-commit, based-on or branch-head. */
  baseKind: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  /** One commit per patch, oldest first (for needs-rebase: those of the last good apply). */
  commits: string[];
  headCommit: string | null;
  tag: string | null;
  /** The project whose publish repository, served at /git/<project>, holds the tag. */
  publishProject: string | null;
  /** A configured remote holding the tag as well; shown instead of this server's URL. */
  fetchUrl: string | null;
  failedPatch: number | null;
  conflicts: string[];
  conflictRange: string | null;
  conflictCommits: string[];
  /** git's output for a failure, or why the series was refused. */
  log: string | null;
  createdAt: Date;
}

const applyViewSelect = {
  status: true,
  baseKind: true,
  baseCommit: true,
  baseReason: true,
  commits: true,
  headCommit: true,
  tag: true,
  publishProject: true,
  fetchUrl: true,
  failedPatch: true,
  conflicts: true,
  conflictRange: true,
  conflictCommits: true,
  log: true,
  createdAt: true,
} as const;

export async function latestApplyView(db: Db, seriesId: bigint): Promise<ApplyView | null> {
  return prisma(db).applyResult.findFirst({
    where: { seriesId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: applyViewSelect,
  });
}

/** The same, for a series named by project and head Message-ID. */
export async function latestApplyViewOf(
  db: Db,
  project: string,
  headMsgid: string,
): Promise<ApplyView | null> {
  return prisma(db).applyResult.findFirst({
    where: { series: { headMsgid, project: { name: project } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: applyViewSelect,
  });
}
