// Reacts to: "series updated" (new or rewritten series) and a MAINTAINERS change on the
// tree's branch, found by a periodic round. Emits: the series' responsible people
// (series_responsible), which the series page, the lost pages and the digests read.

import { gitOwners } from "../../apply/git-owner";
import type { ProjectConfig } from "../../config/projects-file";
import { withAdvisoryLock, type Db } from "../../db/client";
import {
  clearOpenResponsible,
  findSeriesToCompute,
  loadSeriesTouched,
  recordMaintainersState,
  writeResponsible,
} from "../../db/maintainers/responsible-store";
import type { Log } from "../../log";
import { responsibleFor } from "../../maintainers/responsible";
import { NO_MAINTAINERS_FILE, type LoadedMaintainers } from "./load-maintainers";
import { lockKey } from "../../db/locks";

/** Series computed per transaction; their diffs are held in memory together (≤ 4 MiB each). */
export const RESPONSIBLE_BATCH = 50;

export interface MaintainersContext {
  db: Db;
  projects: readonly ProjectConfig[];
  projectIds: ReadonlyMap<string, number>;
  log: Log;
  load: (project: string) => Promise<LoadedMaintainers>;
}

export interface MaintainersRoundSummary {
  /** Series whose responsible rows were written. */
  computed: number;
  rows: number;
  /** Open series whose rows were dropped because the tree has no MAINTAINERS any more. */
  cleared: number;
}

/**
 * One round: for each project with a tree (its own or its parent's), read MAINTAINERS at
 * the branch head of the applier's mirror, record its blob (or why there is none) on the
 * tree's git_mirror row, and compute series_responsible for the series that are due
 * (never computed, rewritten since, or open and computed from another blob), in batches.
 */
export async function maintainersRound(ctx: MaintainersContext): Promise<MaintainersRoundSummary> {
  const summary: MaintainersRoundSummary = { computed: 0, rows: 0, cleared: 0 };
  for (const owner of gitOwners(ctx.projects).values()) {
    const ownerId = ctx.projectIds.get(owner.name);
    if (ownerId === undefined) continue;
    await withAdvisoryLock(ctx.db, lockKey("maintainers", ownerId), async () => {
      for (const member of owner.members) {
        const memberId = ctx.projectIds.get(member);
        if (memberId === undefined) continue;
        let loaded: LoadedMaintainers;
        try {
          loaded = await ctx.load(member);
        } catch (error) {
          ctx.log.warn({ project: member, err: (error as Error).message }, "cannot read MAINTAINERS");
          if (member === owner.name)
            await recordMaintainersState(ctx.db, ownerId, { error: "cannot read MAINTAINERS" });
          continue;
        }
        if (member === owner.name) {
          const state = loaded.kind === "file" ? { blob: loaded.blob } : { error: loaded.reason };
          const { blobChanged } = await recordMaintainersState(ctx.db, ownerId, state);
          if (blobChanged && loaded.kind === "file")
            ctx.log.info(
              { project: member, blob: loaded.blob },
              "MAINTAINERS changed: open series are computed again",
            );
        }
        if (loaded.kind === "none") {
          if (loaded.reason === NO_MAINTAINERS_FILE)
            summary.cleared += await clearOpenResponsible(ctx.db, [memberId]);
          continue;
        }
        let after = 0n;
        for (;;) {
          const ids = await findSeriesToCompute(ctx.db, [memberId], loaded.blob, after, RESPONSIBLE_BATCH);
          if (ids.length === 0) break;
          after = ids[ids.length - 1]!;
          const touched = await loadSeriesTouched(ctx.db, ids);
          const results = touched.map((s) => ({
            id: s.id,
            updatedAt: s.updatedAt,
            entries: responsibleFor(loaded.file, s.files, s.patch),
          }));
          summary.rows += await writeResponsible(ctx.db, loaded.blob, results);
          summary.computed += results.length;
        }
      }
    });
  }
  return summary;
}
