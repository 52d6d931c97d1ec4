import PgBoss from "pg-boss";

import type { Log } from "../log";

/**
 * The job queue: pg-boss, on the same PostgreSQL as everything else (schema `pgboss`).
 * It gives retries with exponential backoff, SKIP LOCKED claims across any number of
 * worker processes, queue policies and archived failures, with no other server to run.
 *
 * Queues (later stages — test, notify — add theirs here):
 * - `process`: parse the raw messages still pending, write them, update their series.
 *   Policy `short`: at most one job waiting, so a burst of arrivals costs one wake-up.
 *   (Not `stately`: a worker killed mid-job would hold its active slot until the job
 *   expires. One processor at a time is the advisory lock's job, which dies with it.)
 * - `apply`: fetch a project's upstream and apply what changed (workers/apply.ts). One
 *   waiting job per project (`short` with the project as singleton key); one applier per
 *   project at a time is again an advisory lock's job.
 * - `gitlab`: ask GitLab for the pipelines of a project's recent tags that have no finished
 *   pipeline yet (workers/gitlab.ts), the fallback for lost webhooks. One waiting per project.
 * - `notify`: one scan for failures the robot has not mailed yet (workers/notify.ts). One waiting.
 * - `watch-upstream`: index a project's new upstream commits and match them to posted
 *   patches (workers/watch-upstream.ts). One waiting per tree.
 * - `maintainers`: one round over the trees' MAINTAINERS and the series whose responsible
 *   people are due (workers/maintainers.ts). One waiting.
 */
export const QUEUES = {
  process: {
    name: "process",
    policy: "short",
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 30 * 60,
  },
  apply: {
    name: "apply",
    policy: "short",
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    // The first fetch of a large upstream is a clone.
    expireInSeconds: 2 * 60 * 60,
  },
  gitlab: {
    name: "gitlab",
    policy: "short",
    // The next poll comes anyway; a failed one is not worth more than a few retries.
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
  },
  notify: {
    name: "notify",
    policy: "short",
    // A scan that failed (the database was gone) is redone by the next one a minute later.
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 15 * 60,
  },
  "watch-upstream": {
    name: "watch-upstream",
    policy: "short",
    // The first scan of a tree reads months of history with their diffs.
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 2 * 60 * 60,
  },
  maintainers: {
    name: "maintainers",
    policy: "short",
    // The next round comes a minute later and picks up what this one left.
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 30 * 60,
  },
} as const satisfies Record<string, PgBoss.Queue>;

export type QueueName = keyof typeof QUEUES;

export class JobQueue {
  /** Processors running in this process: woken at once instead of at their next poll. */
  private readonly localProcessors = new Set<string>();
  private readonly localAppliers = new Set<string>();
  private readonly localPollers = new Set<string>();

  private constructor(readonly boss: PgBoss) {}

  static async start(databaseUrl: string, log: Log): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      max: 4,
      application_name: "patchwatch-jobs",
      // Finished jobs stay a week for the status report, then go.
      deleteAfterDays: 7,
    });
    boss.on("error", (error) => log.error({ err: error }, "job queue error"));
    await boss.start();
    for (const queue of Object.values(QUEUES)) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, { ...queue });
    }
    return new JobQueue(boss);
  }

  /** Asks for the pending raw messages to be processed (coalesced with a waiting request). */
  async requestProcessing(reason: string): Promise<void> {
    await this.boss.send(QUEUES.process.name, { reason });
    for (const id of this.localProcessors) this.boss.notifyWorker(id);
  }

  /** Runs `handler` for each processing request, in this process. */
  async workProcessing(handler: () => Promise<void>, pollingIntervalSeconds = 2): Promise<void> {
    const id = await this.boss.work(QUEUES.process.name, { pollingIntervalSeconds, batchSize: 1 }, () =>
      handler(),
    );
    this.localProcessors.add(id);
  }

  /** Asks for a project's series to be applied (coalesced with a waiting request for the same project). */
  async requestApply(project: string, reason: string): Promise<void> {
    await this.boss.send(QUEUES.apply.name, { project, reason }, { singletonKey: project });
    for (const id of this.localAppliers) this.boss.notifyWorker(id);
  }

  /** Runs `handler` for each apply request, in this process. */
  async workApply(
    handler: (request: { project: string; reason: string }) => Promise<void>,
    pollingIntervalSeconds = 2,
  ): Promise<void> {
    const id = await this.boss.work<{ project: string; reason: string }>(
      QUEUES.apply.name,
      { pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
    this.localAppliers.add(id);
  }

  /** Asks for a poll of a project's GitLab pipelines (coalesced with a waiting request for the same project). */
  async requestGitlabPoll(project: string, reason: string): Promise<void> {
    await this.boss.send(QUEUES.gitlab.name, { project, reason }, { singletonKey: project });
    for (const id of this.localPollers) this.boss.notifyWorker(id);
  }

  /** Runs `handler` for each GitLab poll request, in this process. */
  async workGitlabPoll(
    handler: (request: { project: string; reason: string }) => Promise<void>,
    pollingIntervalSeconds = 2,
  ): Promise<void> {
    const id = await this.boss.work<{ project: string; reason: string }>(
      QUEUES.gitlab.name,
      { pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
    this.localPollers.add(id);
  }

  /** Asks for a tree's new upstream commits to be matched (coalesced with a waiting request for it). */
  async requestWatchUpstream(project: string, reason: string): Promise<void> {
    await this.boss.send(QUEUES["watch-upstream"].name, { project, reason }, { singletonKey: project });
  }

  /** Runs `handler` for each upstream watch request, in this process. */
  async workWatchUpstream(
    handler: (request: { project: string; reason: string }) => Promise<void>,
    pollingIntervalSeconds = 2,
  ): Promise<void> {
    await this.boss.work<{ project: string; reason: string }>(
      QUEUES["watch-upstream"].name,
      { pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
  }

  /** Stops taking jobs; with `graceful`, waits for the running ones to finish. */
  async stop(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    await this.boss.stop({
      graceful: options.graceful ?? true,
      wait: true,
      timeout: options.timeoutMs ?? 30_000,
    });
  }
}
