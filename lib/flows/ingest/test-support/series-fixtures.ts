import path from "node:path";

import type { ProjectConfig } from "../../../config/projects-file";
import type { Db } from "../../../db/client";
import { prismaForTests } from "../../../db/test-support/prisma-for-tests";
import { fixtures, importFiles, patchewProjects } from "./import-helpers";

/**
 * Two real qemu-devel series for the checks and GitLab tests (patchew's corpus), applied
 * and tagged as the applier would have done it, the tag pushed to the GitLab mirror.
 */
export const LUKS = {
  headMsgid: "1469192015-16487-1-git-send-email-berrange@redhat.com",
  patch2: "1469192015-16487-3-git-send-email-berrange@redhat.com",
  tag: "patchwatch/1469192015-16487-1-git-send-email-berrange@redhat.com_v4",
};
export const MALTA = {
  headMsgid: "20160722095540.5887-1-paul.burton@imgtec.com",
  tag: "patchwatch/20160722095540.5887-1-paul.burton@imgtec.com",
};

export const GITLAB_FETCH_URL = "https://gitlab.example.org/qemu-project/qemu-patchwatch.git";

/** patchew's projects, qemu with a git tree published to its GitLab mirror. */
export function projectsWithGitlab(apiUrl = "https://gitlab.example.org/api/v4"): ProjectConfig[] {
  return patchewProjects().map((p) =>
    p.name === "qemu"
      ? {
          ...p,
          git: {
            url: "https://gitlab.example.org/qemu-project/qemu.git",
            branch: "master",
            fetchMinutes: 10,
            publish: { url: GITLAB_FETCH_URL },
          },
          gitlab: {
            apiUrl,
            project: "qemu-project/qemu-patchwatch",
            tokenEnv: "QEMU_GITLAB_TOKEN",
            webhookSecretEnv: "QEMU_GITLAB_WEBHOOK_SECRET",
            pollMinutes: 5,
          },
        }
      : p,
  );
}

export async function importAppliedSeries(db: Db, projects: ProjectConfig[], now: Date): Promise<void> {
  await importFiles(
    db,
    ["0003-single-patch-reviewed.mbox.gz", "0004-multiple-patch-reviewed.mbox.gz"].map((f) =>
      path.join(fixtures.patchew, f),
    ),
    projects,
  );
  for (const s of [LUKS, MALTA]) {
    const series = await prismaForTests(db).series.findFirstOrThrow({
      where: { headMsgid: s.headMsgid, project: { name: "qemu" } },
      select: { id: true },
    });
    await prismaForTests(db).applyResult.create({
      data: {
        seriesId: series.id,
        status: "applied",
        baseKind: "branch-head",
        headCommit: "5d1a3f0c8e2b4a6978c0d1e2f3a4b5c6d7e8f901",
        tag: s.tag,
        publishProject: "qemu",
        fetchUrl: GITLAB_FETCH_URL,
        createdAt: now,
      },
    });
  }
}
