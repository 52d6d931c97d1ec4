import { z } from "zod";

import { component, described } from "./api-docs";
import { authorSchema, isoDateTime, msgidSchema } from "./common";

/*
 * Series in the API use the keys of `patchwatch series --json` (README.md) wherever the two
 * overlap: id is the head Message-ID, subject is the subject without prefixes, replies is a
 * count. More keys may be added; none will change meaning.
 */

const count = z.number().int().min(0);

const linksSchema = described(
  "paths on this server: the JSON detail and the web page",
  z.object({ self: z.string(), html: z.string() }),
);

const seriesCommon = {
  id: described("the head Message-ID: the cover letter's, or the first patch's", msgidSchema),
  project: z.string(),
  subject: described("the subject without [PATCH …] prefixes", z.string()),
  author: authorSchema,
  version: z.number(),
  total: described("patches announced (N of i/N)", count),
  received: described("patches received", count),
  complete: z.boolean(),
  obsoletedBy: described("head Message-ID of the newer revision", msgidSchema.nullable()),
  replies: count,
  reviewed: described(
    "every patch has a Reviewed-by or Acked-by from someone other than the author",
    z.boolean(),
  ),
  isRfc: z.boolean(),
  isPull: z.boolean(),
  date: isoDateTime.nullable(),
  lastActivity: isoDateTime.nullable(),
};

export const seriesListItemSchema = component(
  "SeriesListItem",
  "One line of the series list",
  z.object({
    ...seriesCommon,
    obsoletedByVersion: z.number().nullable(),
    reviewedPatches: described(
      "patches with a Reviewed-by or Acked-by from someone other than the author",
      count,
    ),
    mergedAt: isoDateTime.nullable(),
    apply: described("the latest attempt to apply the series", z.object({ status: z.string() }).nullable()),
    tests: described(
      "latest result of each test context (of the series or a patch): passed, failed (failedOnBase of them fail on the branch head too, no fault of the series), pending",
      z.object({ passed: count, failed: count, failedOnBase: count, pending: count }).nullable(),
    ),
    links: linksSchema,
  }),
);

export const seriesPageSchema = component(
  "SeriesPage",
  "One page of series, newest activity first",
  z.object({
    items: z.array(seriesListItemSchema),
    next: described(
      "the cursor of the next page (pass it as `after`); null on the last page",
      z.string().nullable(),
    ),
  }),
);

const trailerSchema = component(
  "Trailer",
  "A review tag that counts for a patch",
  z.object({
    kind: described("Reviewed-by, Acked-by, Tested-by, …", z.string()),
    name: z.string(),
    email: z.string(),
    origin: described("in-patch, reply-to-patch, reply-to-cover, range-reply or carried", z.string()),
    from: described("the Message-ID of the mail that gave it", msgidSchema),
    senderMismatch: described("the mail's sender is not the person the tag names", z.boolean()),
  }),
);

const patchSchema = component(
  "Patch",
  "One patch of a series",
  z.object({
    index: count,
    msgid: msgidSchema,
    subject: z.string(),
    replaces: described("the patch a partial reroll replaced", msgidSchema.nullable()),
    trailers: z.array(trailerSchema),
  }),
);

const versionSchema = component(
  "SeriesVersion",
  "One revision of the same topic",
  z.object({
    id: msgidSchema,
    version: z.number(),
    subject: z.string(),
    date: isoDateTime.nullable(),
    received: count,
    total: count,
    obsolete: z.boolean(),
    current: described("this is the series asked for", z.boolean()),
    links: described(
      "why this version was linked to an older one",
      z.array(z.object({ older: msgidSchema, reason: z.string(), detail: z.string() })),
    ),
  }),
);

const applySchema = component(
  "ApplyResult",
  "The latest attempt to apply the series to its project's tree",
  z.object({
    status: described(
      "applied; failed; pending (waiting for the series its Based-on: names); needs-rebase (applied before, no longer applies on the moved branch head: commits and tag are those of the last good apply)",
      z.string(),
    ),
    baseKind: described(
      "what it was applied on: base-commit, based-on or branch-head",
      z.string().nullable(),
    ),
    baseCommit: z.string().nullable(),
    baseReason: described("why that base, in words", z.string().nullable()),
    commits: described("one commit per patch, oldest first", z.array(z.string())),
    tag: described(
      "the tag holding the applied commits: `git fetch <fetchUrl> <tag>`",
      z.string().nullable(),
    ),
    fetchUrl: described(
      "where the tag can be fetched: a configured remote, or this server's `/git/<project>` as a root-relative path; null without a tag",
      z.string().nullable(),
    ),
    failedPatch: described("the patch (1-based) that did not apply or was refused", count.nullable()),
    conflicts: described("files that did not apply or merge", z.array(z.string())),
    conflictRange: described(
      "needs-rebase: the upstream commits the series was not written for, `<old base>..<new head>`",
      z.string().nullable(),
    ),
    conflictCommits: described(
      "needs-rebase: the commits of that range touching the conflicting files, newest first",
      z.array(z.string()),
    ),
    log: described("git's output for a failure, or why the series was refused", z.string().nullable()),
    date: described("when this result was recorded", isoDateTime),
  }),
);

const checkSchema = component(
  "SeriesCheck",
  "The latest report of one test or check context, for the series or one of its patches",
  z.object({
    context: described("the test's or check's name", z.string()),
    patch: described(
      "the patch it was reported for; null for the whole series",
      z.object({ index: count, msgid: msgidSchema }).nullable(),
    ),
    state: described("pending, success, warning, fail or error", z.string()),
    url: described(
      "the log: this server's `/logs/<job>` for a tester's run, or the URL the check reported",
      z.string().nullable(),
    ),
    description: z.string().nullable(),
    source: described("who reported it: `tester:<name>`, `check:<name>`, `gitlab`", z.string().nullable()),
    duration: described("milliseconds the run took", count.nullable()),
    baseState: described(
      "the same test on the commit the series was applied on; fail with state fail means it fails on master too",
      z.string().nullable(),
    ),
    failsOnMasterToo: z.boolean(),
    date: described("when it was reported", isoDateTime),
  }),
);

const personStateSchema = component(
  "ResponsiblePerson",
  "A maintainer, reviewer or list responsible for files the series touches, and what they did in its thread",
  z.object({
    email: z.string(),
    name: z.string(),
    role: described(
      "maintainer (M:), reviewer (R:) or list (L:)",
      z.enum(["maintainer", "reviewer", "list"]),
    ),
    sections: described(
      "the MAINTAINERS sections naming them, most relevant first; `parent directory: <dir>` first for the next-best people of a file nobody maintains",
      z.array(z.string()),
    ),
    status: described(
      "S: of the most relevant section: Supported, Maintained, Odd Fixes, Orphan, Obsolete",
      z.string().nullable(),
    ),
    rank: described("1 is the most relevant", count),
    replied: described("sent a reply in the series' thread", z.boolean()),
    reviewed: described("gave a Reviewed-by or Acked-by for a patch of the series", z.boolean()),
    ccd: described("the cover letter or a patch was sent to them (To or Cc)", z.boolean()),
  }),
);

const seriesPeopleSchema = component(
  "SeriesPeople",
  "Who is responsible for the series' files, from MAINTAINERS at the branch head of the project's tree, and who to ping",
  z.object({
    source: described(
      "maintainers: computed from the MAINTAINERS blob `blob`; none: see note",
      z.enum(["maintainers", "none"]),
    ),
    blob: z.string().nullable(),
    people: z.array(personStateSchema),
    toPing: described(
      "maintainers, then reviewers, who have neither replied nor reviewed, most relevant first; never a list or the author",
      z.array(personStateSchema),
    ),
    note: described(
      "why there is nobody: no git tree, no MAINTAINERS file in the tree, not computed yet",
      z.string().nullable(),
    ),
  }),
);

export const seriesDetailSchema = component(
  "SeriesDetail",
  "A series with its patches, trailers and revisions",
  z.object({
    ...seriesCommon,
    cover: described("the series has a cover letter", z.boolean()),
    basedOn: described("Message-ID named by Based-on:", msgidSchema.nullable()),
    revisions: described("head Message-IDs of the other revisions", z.array(msgidSchema)),
    baseCommit: z.string().nullable(),
    changeId: z.string().nullable(),
    patches: z.array(patchSchema),
    versions: described(
      "every revision of the topic, oldest first, this one included",
      z.array(versionSchema),
    ),
    people: seriesPeopleSchema,
    apply: described(
      "null when the series was never applied (incomplete, or no git tree configured)",
      applySchema.nullable(),
    ),
    checks: described(
      "the latest report of each test and check context, series-wide ones first, then by patch",
      z.array(checkSchema),
    ),
    mbox: described(
      "path of the newest revision as a `git am` mbox with the collected trailers (`?cover=1`, `?patch=N`)",
      z.string(),
    ),
    links: linksSchema,
  }),
);
