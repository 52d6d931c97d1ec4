import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import type { Log } from "../../log";
import type { Outbox } from "../notify/deliver-robot-mail";

/** What a round of the format-check robot works with. */
export interface FormatCheckContext {
  db: Db;
  projects: readonly ProjectConfig[];
  projectIds: ReadonlyMap<string, number>;
  dataDir: string;
  outbox: Outbox;
  log: Log;
  /** How long after its last part a series missing parts is answered anyway. */
  waitMs: number;
  now?: () => Date;
}

export interface RoundSummary {
  answered: number;
  waiting: number;
  ignored: number;
  rateLimited: number;
  failed: number;
}
