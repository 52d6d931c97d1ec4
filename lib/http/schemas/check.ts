import { z } from "zod";

import { REPORTABLE_CHECK_STATES } from "../../checks/check-state";
import { component, described } from "./api-docs";
import { isoDateTime, msgidSchema } from "./common";

/** Longest description kept; a bot with more to say links to it with target_url. */
export const MAX_CHECK_DESCRIPTION = 1000;

/** An empty form field or a JSON null means "not given", as patchwork takes them. */
const absent = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * What a CI reports, with patchwork's field names (its checks API), so a bot written for
 * patchwork posts here unchanged. The context is a slug, as test names are: it goes into
 * pages and logs as it is.
 */
export const checkBodySchema = z.object({
  context: described(
    "what was checked, e.g. `build-x86_64` or `checkpatch`: a letter or digit, then letters, digits, `. _ : = -`; at most 64",
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:=-]{0,63}$/, "a slug of at most 64 characters"),
  ),
  state: described("the outcome", z.enum(REPORTABLE_CHECK_STATES)),
  target_url: described(
    "where the details are (http or https)",
    z.preprocess(
      absent,
      z
        .url({ protocol: /^https?$/, message: "an http(s) URL" })
        .max(2000)
        .optional(),
    ),
  ),
  description: described(
    `a line for people, at most ${MAX_CHECK_DESCRIPTION} characters`,
    z.preprocess(absent, z.string().max(MAX_CHECK_DESCRIPTION).optional()),
  ),
});

export const checkSchema = component(
  "Check",
  "One report of a test or external check; patchwork's field names where they overlap",
  z.object({
    id: described("the report's id", z.string()),
    date: isoDateTime,
    context: z.string(),
    state: described("pending, success, warning or fail (a tester's `error` is its own state)", z.string()),
    target_url: z.string().nullable(),
    description: z.string().nullable(),
    source: described(
      "who reported it: `check:<token name>`, `tester:<name>` or `gitlab`",
      z.string().nullable(),
    ),
    durationMs: z.number().int().nullable(),
    patch: described("the patch's Message-ID; null for the whole series", msgidSchema.nullable()),
    current: described(
      "the latest report of its context (for its patch): the state that counts",
      z.boolean(),
    ),
  }),
);

export const checkListSchema = component(
  "CheckList",
  "Checks, the current report of each context first (by context), then older reports, newest first",
  z.object({ items: z.array(checkSchema) }),
);

export const gitlabWebhookResultSchema = component(
  "GitlabWebhookResult",
  "What became of a GitLab event",
  z.object({
    result: described(
      "recorded (a new status), unchanged (a status we had) or ignored (not a pipeline of one of our tags)",
      z.enum(["recorded", "unchanged", "ignored"]),
    ),
    note: z.string().optional(),
  }),
);
