import type { SizeLimits } from "../../apply/limits";
import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import type { Log } from "../../log";

/** What a round of the applier works with: the database, its repositories on disk, the clock, the log. */
export interface ApplierContext {
  db: Db;
  dataDir: string;
  log: Log;
  limits?: SizeLimits;
  now?: () => Date;
  /** The configured projects, for their tests (test jobs for applied series and the branch head). */
  projects?: readonly ProjectConfig[];
}
