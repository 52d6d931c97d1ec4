import { z } from "zod";

import { component, described } from "./api-docs";
import { authorSchema, isoDateTime, msgidSchema } from "./common";

const count = z.number().int().min(0);
const links = described(
  "paths on this server: the JSON detail and the web page",
  z.object({ self: z.string(), html: z.string() }),
);
const seriesKeys = {
  id: described("the head Message-ID: the cover letter's, or the first patch's", msgidSchema),
  project: z.string(),
  subject: described("the subject without [PATCH …] prefixes", z.string()),
  author: authorSchema,
  version: z.number(),
  total: count,
  date: described("when it was posted", isoDateTime.nullable()),
  links,
};

const lostReason = described(
  "no-reply: nobody but the author answered within the project's lostAfterDays; reviewed-not-merged: reviewed, not merged reviewedUnmergedDays after the last review; changes-requested: review comments the author has not answered for lostAfterDays",
  z.enum(["no-reply", "reviewed-not-merged", "changes-requested"]),
);

export const lostVerdictSchema = component(
  "LostVerdict",
  "Why a series counts as lost, since when, and how long it has waited",
  z.object({
    reason: lostReason,
    since: described("when it became lost", isoDateTime),
    days: described("whole days it has waited (since posting, the last review, or the request)", count),
    waitsFor: z.string(),
  }),
);

const personSchema = z.object({
  email: z.string(),
  name: z.string(),
  why: described(
    "maintainer/reviewer/next best with its MAINTAINERS sections, or what they did in the thread",
    z.string(),
  ),
});

export const pingSchema = component(
  "Ping",
  "A ready-to-send reply to the series asking for an answer, as fields and as a mailto: URL (RFC 6068)",
  z.object({
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    inReplyTo: described(
      "the Message-ID replied to (the cover letter or the single patch), without <>",
      z.string(),
    ),
    body: z.string(),
    mailto: z.string(),
  }),
);

export const lostSeriesSchema = component(
  "LostSeries",
  "A lost series with whom to ping and the ping",
  z.object({
    ...seriesKeys,
    lost: lostVerdictSchema,
    people: z.object({
      source: described(
        "maintainers: series_responsible (MAINTAINERS); thread: reviewers and repliers, as no MAINTAINERS names anyone",
        z.enum(["maintainers", "thread"]),
      ),
      toPing: z.array(personSchema),
      lists: z.array(z.string()),
    }),
    ping: pingSchema,
  }),
);

export const lostPageSchema = component(
  "LostPage",
  "One page of a project's lost series, newest posting first",
  z.object({
    project: z.string(),
    lostAfterDays: count,
    reviewedUnmergedDays: count,
    items: z.array(lostSeriesSchema),
    next: described("pass as `after` for the following page; null on the last one", z.string().nullable()),
  }),
);

export const queueItemSchema = component(
  "ReviewQueueItem",
  "A series waiting for this person's review",
  z.object({
    ...seriesKeys,
    role: described(
      "why it is theirs: maintainer, reviewer (MAINTAINERS R:) or next-best (a parent directory's maintainer)",
      z.enum(["maintainer", "reviewer", "next-best"]),
    ),
    sections: z.array(z.string()),
    status: z.string().nullable(),
    days: described("whole days since it was posted", count),
    lost: lostVerdictSchema.nullable(),
  }),
);

export const queuePageSchema = component(
  "ReviewQueuePage",
  "One page of a person's review queue, oldest first",
  z.object({
    email: z.string(),
    items: z.array(queueItemSchema),
    next: described("pass as `after` for the following page; null on the last one", z.string().nullable()),
  }),
);
