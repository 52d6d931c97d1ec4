/** A worker started by workers/index.ts; stop() returns once its current work is finished. */
export interface RunningWorker {
  name: string;
  stop(): Promise<void>;
}
