import PgBoss from "pg-boss";
import type { z } from "zod";

import type { Log } from "../log";
import { type JobPayload, type QueueName, type QueueSpec, QUEUES } from "./queues";

/** The queue's spec, typed by its name (TypeScript does not relate QUEUES[N] to JobPayload<N> by itself). */
function specOf<N extends QueueName>(name: N): QueueSpec<z.ZodType<JobPayload<N>>> {
  return QUEUES[name] as unknown as QueueSpec<z.ZodType<JobPayload<N>>>;
}

/** PostgreSQL's "terminating connection due to administrator command": the server is shutting down. */
const ADMIN_SHUTDOWN = "57P01";

/**
 * The job queue: pg-boss, on the same PostgreSQL as everything else (schema `pgboss`).
 * It gives retries with exponential backoff, SKIP LOCKED claims across any number of
 * worker processes, queue policies and archived failures, with no other server to run.
 * What each queue carries and how it retries is the table in queues.ts.
 */
export class JobQueue {
  /** The workers of each queue in this process: woken at once on a request instead of at their next poll. */
  private readonly localWorkers = new Map<QueueName, string[]>();
  private stopped = false;

  private constructor(
    private readonly boss: PgBoss,
    log: Log,
  ) {
    boss.on("error", (error: Error & { code?: string }) => {
      // pg-boss's pool ends its connections without waiting for them to close, so a database
      // stopped right after the queue (npm start's own) cuts them: expected, not an error.
      if (this.stopped && error.code === ADMIN_SHUTDOWN) return;
      log.error({ err: error }, "job queue error");
    });
  }

  static async start(databaseUrl: string, log: Log): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      max: 4,
      application_name: "patchwatch-jobs",
      // Finished jobs stay a week for the status report, then go.
      deleteAfterDays: 7,
    });
    const queue = new JobQueue(boss, log);
    await boss.start();
    for (const [name, spec] of Object.entries(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...spec.policy });
    }
    return queue;
  }

  /** Asks for a job (coalesced with a waiting one of the same queue and singleton key). */
  async request<N extends QueueName>(name: N, payload: JobPayload<N>): Promise<void> {
    const spec = specOf(name);
    const data = spec.payload.parse(payload);
    const singletonKey = spec.singletonKey?.(data);
    await this.boss.send(name, data, singletonKey === undefined ? {} : { singletonKey });
    for (const id of this.localWorkers.get(name) ?? []) this.boss.notifyWorker(id);
  }

  /** Runs `handler` for each job of the queue, one at a time, in this process. */
  async work<N extends QueueName>(
    name: N,
    handler: (payload: JobPayload<N>) => Promise<void>,
    pollingIntervalSeconds = 2,
  ): Promise<void> {
    const spec = specOf(name);
    const id = await this.boss.work<unknown>(
      name,
      { pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        // A payload written by another version of Patchwatch fails the job with the reason, not the worker.
        if (job) await handler(spec.payload.parse(job.data));
      },
    );
    this.localWorkers.set(name, [...(this.localWorkers.get(name) ?? []), id]);
  }

  /** Stops taking jobs; with `graceful`, waits for the running ones to finish. */
  async stop(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    this.stopped = true;
    await this.boss.stop({
      graceful: options.graceful ?? true,
      wait: true,
      timeout: options.timeoutMs ?? 30_000,
    });
  }
}
