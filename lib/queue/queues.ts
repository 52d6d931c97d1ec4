import type PgBoss from "pg-boss";
import { z } from "zod";

/** Why a job was asked for ("new mail", "periodic fetch", "worker start"): logged, never acted on. */
const reasonOnly = z.object({ reason: z.string() });
const forProject = z.object({ project: z.string().min(1), reason: z.string() });

export interface QueueSpec<P extends z.ZodType> {
  /** The job's payload, checked when it is asked for and again when it is taken. */
  payload: P;
  /** The waiting job a new request coalesces with: one per queue, or one per key. */
  singletonKey?: (payload: z.infer<P>) => string;
  /** pg-boss's queue options: policy, retries and their backoff, expiry. */
  policy: Omit<PgBoss.Queue, "name">;
}

function queue<P extends z.ZodType>(spec: QueueSpec<P>): QueueSpec<P> {
  return spec;
}

/**
 * The job queues, each with its payload, how requests coalesce and its retry policy.
 * Every queue has policy `short`: at most one job waiting (per singleton key), so a burst
 * of requests costs one round. Not `stately`: a worker killed mid-job would hold its
 * active slot until the job expires; one round at a time is the advisory lock's job
 * (lib/db/locks.ts), which dies with its holder.
 */
export const QUEUES = {
  /** Parse the raw messages still pending, write them, update their series. */
  process: queue({
    payload: reasonOnly,
    policy: { policy: "short", retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 * 60 },
  }),
  /** Fetch a project's upstream and apply what changed. */
  apply: queue({
    payload: forProject,
    singletonKey: (p) => p.project,
    // The first fetch of a large upstream is a clone.
    policy: {
      policy: "short",
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 2 * 60 * 60,
    },
  }),
  /** Ask GitLab for the pipelines of a project's recent tags: the fallback for lost webhooks. */
  gitlab: queue({
    payload: forProject,
    singletonKey: (p) => p.project,
    // The next poll comes anyway; a failed one is not worth more than a few retries.
    policy: { policy: "short", retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 },
  }),
  /** One scan for failures the robot has not mailed yet, then the weekly digests that are due. */
  notify: queue({
    payload: reasonOnly,
    // A scan that failed (the database was gone) is redone by the next one a minute later.
    policy: { policy: "short", retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 },
  }),
  /** Index a tree's new upstream commits and match them to posted patches. */
  "watch-upstream": queue({
    payload: forProject,
    singletonKey: (p) => p.project,
    // The first scan of a tree reads months of history with their diffs.
    policy: {
      policy: "short",
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 2 * 60 * 60,
    },
  }),
  /** One round over the trees' MAINTAINERS and the series whose responsible people are due. */
  maintainers: queue({
    payload: reasonOnly,
    // The next round comes a minute later and picks up what this one left.
    policy: { policy: "short", retryLimit: 2, retryDelay: 30, expireInSeconds: 30 * 60 },
  }),
};

export type QueueName = keyof typeof QUEUES;
export type JobPayload<N extends QueueName> = z.infer<(typeof QUEUES)[N]["payload"]>;
