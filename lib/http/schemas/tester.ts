import { z } from "zod";

import { component, described } from "./api-docs";
import { isoDateTime, msgidSchema } from "./common";

/** A capability, project or test name as projects.json spells them. */
const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:=-]{0,62}$/, "a name as projects.json writes it");

export const claimBodySchema = described(
  "What the tester offers: its capabilities, and optionally the only projects it works for",
  z
    .object({
      capabilities: described("e.g. `arch=aarch64`; a job needs all of its test's", z.array(name).max(100)),
      projects: described(
        "only these projects (every allowed project when absent)",
        z.array(name).max(100).optional(),
      ),
    })
    .strict(),
);

export const testerJobSchema = component(
  "TesterJob",
  "A claimed test job: fetch `ref` from `fetchUrl`, check out `commit` in a clean worktree, run `bash -c script` there with the timeout",
  z.object({
    id: z.string(),
    project: z.string(),
    test: z.string(),
    script: z.string(),
    timeoutSeconds: z.number().int(),
    fetchUrl: z.string(),
    ref: z.string(),
    commit: z.string(),
    baseCommit: described(
      "the commit a series was applied on (the script gets it as PATCHWATCH_BASE_COMMIT); null for a branch job",
      z.string().nullable(),
    ),
    leaseSeconds: z.number().int(),
    series: z.object({ headMsgid: msgidSchema, title: z.string(), version: z.number() }).nullable(),
  }),
);

export const claimResponseSchema = component(
  "TesterClaim",
  "The job now leased to the tester",
  z.object({ job: testerJobSchema }),
);

export const leaseResponseSchema = component(
  "TesterLease",
  "When the lease now ends, unless extended again",
  z.object({ leaseExpiresAt: isoDateTime }),
);

export const logResponseSchema = component(
  "TesterLog",
  "Bytes received for the job's log so far, and whether the middle was cut to keep the first and last MiB",
  z.object({ bytes: z.number().int(), truncated: z.boolean() }),
);

export const resultBodySchema = described(
  "The test's outcome",
  z
    .object({
      state: z.enum(["passed", "failed", "error"]),
      durationMs: z.number().int().min(0).max(2_147_483_647),
      summary: z.string().max(10_000).optional(),
    })
    .strict(),
);

export const resultResponseSchema = component(
  "TesterResult",
  "The job's final state",
  z.object({ state: z.enum(["passed", "failed", "error"]) }),
);

export const jobIdParam = described(
  "a test job's id, as the claim gave it",
  z
    .string()
    .regex(/^[0-9]{1,18}$/, "a job id")
    .transform((s) => BigInt(s)),
);
