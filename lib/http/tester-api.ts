import { DEFAULT_LEASE_SECONDS } from "../ci/lease";
import type { LogCapLimits } from "../ci/log-cap";
import type { ProjectConfig } from "../config/projects-file";
import { projectsConfig } from "../config/server-config";
import type { Door } from "./api-endpoint";
import { appendTestLogEndpoint } from "./endpoints/tester-log";
import { claimTestJobEndpoint } from "./endpoints/tester-claim";
import { finishTestJobEndpoint } from "./endpoints/tester-result";
import { heartbeatTestJobEndpoint } from "./endpoints/tester-heartbeat";

/** What the tester API needs besides the database: the configured tests, the clock, the lease and log cap. */
export interface TesterApiDeps {
  projects: () => readonly ProjectConfig[];
  now: () => Date;
  leaseSeconds: number;
  logLimits?: LogCapLimits;
}

export interface TesterApi {
  claim: Door;
  heartbeat: Door;
  log: Door;
  result: Door;
}

export function createTesterApi(deps: Partial<TesterApiDeps> & Pick<TesterApiDeps, "projects">): TesterApi {
  const full: TesterApiDeps = { now: () => new Date(), leaseSeconds: DEFAULT_LEASE_SECONDS, ...deps };
  return {
    claim: claimTestJobEndpoint(full),
    heartbeat: heartbeatTestJobEndpoint(full),
    log: appendTestLogEndpoint(full),
    result: finishTestJobEndpoint(full),
  };
}

/** The web server's tester API: tests as the projects file says at the time of each claim. */
export const serverTesterApi = createTesterApi({
  projects: () => projectsConfig().projects,
});
