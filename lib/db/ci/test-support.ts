import type { ApplyRecord } from "../../apply/types";
import { recordApplyResult } from "../apply/record-apply-result";
import { type Db, prisma } from "../client";

/** Test support: a series row and an `applied` result for it, as the applier would write them. */
export async function seedAppliedSeries(
  db: Db,
  input: { projectId: number; headMsgid: string; headCommit: string; baseCommit: string; title?: string },
): Promise<{ seriesId: bigint; applyResultId: bigint }> {
  const series = await prisma(db).series.create({
    data: {
      projectId: input.projectId,
      headMsgid: input.headMsgid,
      subject: `[PATCH] ${input.title ?? input.headMsgid}`,
      title: input.title ?? input.headMsgid,
      version: 1,
      total: 1,
      received: 1,
      complete: true,
      topicKey: input.headMsgid,
      revisions: [],
      basedOn: [],
    },
    select: { id: true },
  });
  const record: ApplyRecord = {
    status: "applied",
    baseKind: "branch-head",
    baseNamed: null,
    baseCommit: input.baseCommit,
    baseReason: "no base named; applied on the head of master",
    commits: [input.headCommit],
    headCommit: input.headCommit,
    tag: `patchwatch/${input.headMsgid}/v1`,
    checkedHead: input.baseCommit,
    patchMsgids: [input.headMsgid],
    failedPatch: null,
    conflicts: [],
    conflictRange: null,
    conflictCommits: [],
    log: null,
    publishProject: "demo",
    fetchUrl: null,
  };
  return { seriesId: series.id, applyResultId: await recordApplyResult(db, series.id, record) };
}

/** A made-up commit id, distinct per seed. */
export function fakeCommit(seed: number | string): string {
  let hex = "";
  for (const ch of `${seed}`) hex += ch.charCodeAt(0).toString(16);
  return hex.padStart(40, "0").slice(-40);
}
